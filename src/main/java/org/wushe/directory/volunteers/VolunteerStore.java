package org.wushe.directory.volunteers;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.directory.Skill;
import org.wushe.directory.VolunteerStatus;
import org.wushe.privacy.CryptoService;
import org.wushe.privacy.Masking;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;
import org.wushe.shared.ResidentIdNumber;

/**
 * Volunteers in PostgreSQL: ID number, phone and emergency phone encrypted, ID number and phone blind-indexed.
 * Every staff read is scoped in SQL by the volunteer's region ({@link DataScope#regionPredicate}); state changes
 * are guarded by the current status in the same statement, so a registration is reviewed once.
 */
@Repository
public class VolunteerStore {

    static final String TABLE = "directory_volunteer";

    private final JdbcClient jdbc;
    private final CryptoService crypto;

    VolunteerStore(JdbcClient jdbc, CryptoService crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    public boolean idNumberTaken(ResidentIdNumber id) {
        return jdbc.sql("select exists (select 1 from directory_volunteer where id_number_index = ?)")
                .param(crypto.blindIndex("id_number", id.value()))
                .query(Boolean.class)
                .single();
    }

    /** The registration with this ID number, whatever its status (not scoped: the public registration asks). */
    public Optional<Volunteer> findByIdNumber(ResidentIdNumber id) {
        return jdbc.sql("select * from directory_volunteer v where v.id_number_index = ?")
                .param(crypto.blindIndex("id_number", id.value()))
                .query(this::volunteer)
                .optional();
    }

    /**
     * A repeated registration replaces what an earlier PENDING or REJECTED one said and goes back to review
     * (status PENDING, the earlier review cleared); false if that registration was approved meanwhile.
     */
    public boolean merge(long volunteerId, NewVolunteer v, String consentVersion, Instant now) {
        int n = bind(jdbc.sql("""
                update directory_volunteer set name = :name, id_number_cipher = :idc, id_number_index = :idi,
                    sex = :sex, birth_date = :birth, phone_cipher = :pc, phone_index = :pi,
                    skills = cast(:skills as text[]), region_code = :region, availability = :availability,
                    emergency_contact_name = :ename, emergency_contact_phone_cipher = :epc,
                    consent_version = :consent, consented_at = :now, status = 'PENDING', reject_reason = null,
                    reviewed_by = null, reviewed_at = null
                where id = :vid and status in ('PENDING', 'REJECTED')"""), v, consentVersion, now)
                .param("vid", volunteerId)
                .update();
        if (n != 1) {
            return false;
        }
        jdbc.sql("delete from directory_volunteer_region where volunteer_id = ?")
                .param(volunteerId)
                .update();
        insertServed(volunteerId, v.served());
        return true;
    }

    /** A new PENDING registration; returns its id. */
    public long insert(NewVolunteer v, String consentVersion, Instant now) {
        long volunteerId =
                bind(jdbc.sql("""
                insert into directory_volunteer (name, id_number_cipher, id_number_index, sex, birth_date,
                    phone_cipher, phone_index, skills, region_code, availability, emergency_contact_name,
                    emergency_contact_phone_cipher, consent_version, consented_at, created_at)
                values (:name, :idc, :idi, :sex, :birth, :pc, :pi, cast(:skills as text[]), :region, :availability,
                    :ename, :epc, :consent, :now, :now) returning id"""), v, consentVersion, now).query(Long.class).single();
        insertServed(volunteerId, v.served());
        return volunteerId;
    }

    private void insertServed(long volunteerId, List<RegionCode> served) {
        for (RegionCode r : served) {
            jdbc.sql("insert into directory_volunteer_region (volunteer_id, region_code) values (?, ?)"
                            + " on conflict do nothing")
                    .params(volunteerId, r.value())
                    .update();
        }
    }

    /** Binds a registration's values (encrypting and blind-indexing as it goes) to the named parameters. */
    private JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec sql, NewVolunteer v, String consentVersion, Instant now) {
        ResidentIdNumber id = v.idNumber();
        PhoneNumber phone = v.phone();
        PhoneNumber emergencyPhone = v.emergencyPhone();
        return sql.param("name", v.name())
                .param("idc", crypto.encrypt(id.value(), TABLE, "id_number"))
                .param("idi", crypto.blindIndex("id_number", id.value()))
                .param("sex", id.sex().name())
                .param("birth", id.birthDate())
                .param("pc", crypto.encrypt(phone.value(), TABLE, "phone"))
                .param("pi", crypto.blindIndex("phone", phone.value()))
                .param(
                        "skills",
                        "{"
                                + String.join(
                                        ",",
                                        v.skills().stream().map(Skill::name).toList()) + "}")
                .param("region", v.region().value())
                .param("availability", v.availability())
                .param("ename", v.emergencyName())
                .param(
                        "epc",
                        emergencyPhone == null
                                ? null
                                : crypto.encrypt(emergencyPhone.value(), TABLE, "emergency_contact_phone"))
                .param("consent", consentVersion)
                .param("now", Timestamp.from(now));
    }

    public List<Volunteer> list(DataScope scope, VolunteerStatus status, int limit) {
        var predicate = scope.regionPredicate("v.region_code");
        return jdbc.sql("select * from directory_volunteer v where " + predicate.sql()
                        + (status == null ? "" : " and v.status = :status")
                        + " order by v.created_at desc, v.id desc limit :limit")
                .params(predicate.params())
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query(this::volunteer)
                .list();
    }

    /** Every volunteer in the scope (and of the status, if given), newest first, streamed to {@code sink}. */
    public long forEach(DataScope scope, VolunteerStatus status, Consumer<Volunteer> sink) {
        var predicate = scope.regionPredicate("v.region_code");
        long[] count = {0};
        jdbc.sql("select * from directory_volunteer v where " + predicate.sql()
                        + (status == null ? "" : " and v.status = :status") + " order by v.created_at desc, v.id desc")
                .params(predicate.params())
                .param("status", status == null ? null : status.name())
                .query((ResultSet rs) -> {
                    sink.accept(volunteer(rs, 0));
                    count[0]++;
                });
        return count[0];
    }

    public Optional<Volunteer> find(DataScope scope, long id) {
        var predicate = scope.regionPredicate("v.region_code");
        return jdbc.sql("select * from directory_volunteer v where v.id = :id and " + predicate.sql())
                .params(predicate.params())
                .param("id", id)
                .query(this::volunteer)
                .optional();
    }

    /**
     * The APPROVED volunteer without an account whose ID number AND phone on record are these (both by blind
     * index) — whom a self-service activation may open an account for; not scoped (the public page asks).
     */
    public Optional<Volunteer> findActivatable(ResidentIdNumber id, PhoneNumber phone) {
        return jdbc.sql("""
                select * from directory_volunteer v where v.id_number_index = ? and v.phone_index = ?
                    and v.status = 'APPROVED' and v.account_id is null""")
                .params(crypto.blindIndex("id_number", id.value()), crypto.blindIndex("phone", phone.value()))
                .query(this::volunteer)
                .optional();
    }

    /** Links an account to an APPROVED volunteer that has none; false if it was linked (or changed) meanwhile. */
    public boolean linkAccount(long id, long accountId) {
        return jdbc.sql("""
                update directory_volunteer set account_id = ? where id = ? and status = 'APPROVED'
                    and account_id is null""").params(accountId, id).update() == 1;
    }

    public Optional<Volunteer> findByAccount(long accountId) {
        return jdbc.sql("select * from directory_volunteer v where v.account_id = ?")
                .param(accountId)
                .query(this::volunteer)
                .optional();
    }

    public List<String> servedRegions(long id) {
        return jdbc.sql(
                        "select region_code from directory_volunteer_region where volunteer_id = ? order by region_code")
                .param(id)
                .query(String.class)
                .list();
    }

    /** The next passport number for a region: "WS", 6 digits of region, 8 of sequence, a Luhn check digit. */
    public String nextPassportNo(RegionCode region) {
        return passportNo(
                region,
                jdbc.sql("select nextval('directory_volunteer_passport_seq')")
                        .query(Long.class)
                        .single());
    }

    static String passportNo(RegionCode region, long sequence) {
        String body = region.value().substring(0, 6) + String.format("%08d", sequence % 100_000_000L);
        return "WS" + body + luhn(body);
    }

    static int luhn(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    public boolean approve(long id, String passportNo, long accountId, String by, Instant now) {
        return jdbc.sql("""
                update directory_volunteer set status = 'APPROVED', passport_no = ?, account_id = ?, reviewed_by = ?,
                    reviewed_at = ? where id = ? and status = 'PENDING'""")
                        .params(passportNo, accountId, by, Timestamp.from(now), id)
                        .update()
                == 1;
    }

    public boolean reject(long id, String reason, String by, Instant now) {
        return jdbc.sql("""
                update directory_volunteer set status = 'REJECTED', reject_reason = ?, reviewed_by = ?, reviewed_at = ?
                where id = ? and status = 'PENDING'""").params(reason, by, Timestamp.from(now), id).update() == 1;
    }

    public void updateProfile(long id, List<Skill> skills, String availability) {
        jdbc.sql("update directory_volunteer set skills = cast(:skills as text[]), availability = :availability"
                        + " where id = :id")
                .param(
                        "skills",
                        "{" + String.join(",", skills.stream().map(Skill::name).toList()) + "}")
                .param("availability", availability)
                .param("id", id)
                .update();
    }

    public void updateWeeklySlots(long id, int mask) {
        jdbc.sql("update directory_volunteer set weekly_slots = ? where id = ?")
                .params(mask, id)
                .update();
    }

    /** APPROVED volunteers in the scope whose week grid has every bit of {@code bits}, oldest registration first. */
    public List<Volunteer> approvedAvailable(DataScope scope, int bits, int limit) {
        var predicate = scope.regionPredicate("v.region_code");
        return jdbc.sql("select * from directory_volunteer v where " + predicate.sql()
                        + " and v.status = 'APPROVED' and (v.weekly_slots & :bits) = :bits"
                        + " order by v.created_at, v.id limit :limit")
                .params(predicate.params())
                .param("bits", bits)
                .param("limit", limit)
                .query(this::volunteer)
                .list();
    }

    public String clearIdNumber(Volunteer v) {
        return crypto.decrypt(v.idNumberCipher(), TABLE, "id_number");
    }

    public String clearPhone(Volunteer v) {
        return crypto.decrypt(v.phoneCipher(), TABLE, "phone");
    }

    public String maskedEmergencyPhone(Volunteer v) {
        return v.emergencyPhoneCipher() == null
                ? ""
                : Masking.phone(crypto.decrypt(v.emergencyPhoneCipher(), TABLE, "emergency_contact_phone"));
    }

    private Volunteer volunteer(ResultSet rs, int n) throws SQLException {
        Array skills = rs.getArray("skills");
        List<Skill> skillList = skills == null
                ? List.of()
                : Arrays.stream((String[]) skills.getArray())
                        .map(Skill::valueOf)
                        .toList();
        LocalDate birth = rs.getObject("birth_date", LocalDate.class);
        return new Volunteer(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getBytes("id_number_cipher"),
                rs.getString("sex"),
                birth,
                rs.getBytes("phone_cipher"),
                skillList,
                RegionCode.parse(rs.getString("region_code")),
                rs.getString("availability"),
                rs.getString("emergency_contact_name"),
                rs.getBytes("emergency_contact_phone_cipher"),
                rs.getString("consent_version"),
                instant(rs, "consented_at"),
                VolunteerStatus.valueOf(rs.getString("status")),
                rs.getString("reviewed_by"),
                instant(rs, "reviewed_at"),
                rs.getString("reject_reason"),
                rs.getString("passport_no"),
                (Long) rs.getObject("account_id"),
                instant(rs, "created_at"),
                rs.getInt("weekly_slots"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A volunteer as stored (ciphertexts included; never leaves the module). */
    public record Volunteer(
            long id,
            String name,
            byte[] idNumberCipher,
            String sex,
            LocalDate birthDate,
            byte[] phoneCipher,
            List<Skill> skills,
            RegionCode regionCode,
            String availability,
            String emergencyContactName,
            byte[] emergencyPhoneCipher,
            String consentVersion,
            Instant consentedAt,
            VolunteerStatus status,
            String reviewedBy,
            Instant reviewedAt,
            String rejectReason,
            String passportNo,
            Long accountId,
            Instant createdAt,
            int weeklySlots) {}
}
