package org.wushe.directory.volunteers;

import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.directory.Skill;
import org.wushe.directory.imports.BulkSql;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.RegionCode;
import org.wushe.shared.ResidentIdNumber;

/**
 * Batched writes and key look-ups of the volunteer import (a thousand rows per round trip); encrypts and
 * blind-indexes exactly as {@link VolunteerStore} does.
 */
@Repository
class VolunteerBulkStore {

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final BulkSql bulk;
    private final CryptoService crypto;

    VolunteerBulkStore(JdbcTemplate template, JdbcClient jdbc, BulkSql bulk, CryptoService crypto) {
        this.template = template;
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.crypto = crypto;
    }

    ByteBuffer volunteerKey(ResidentIdNumber id) {
        return ByteBuffer.wrap(crypto.blindIndex("id_number", id.value()));
    }

    Set<ByteBuffer> takenVolunteerIdNumbers(List<ByteBuffer> keys) {
        return bulk.taken(
                "select id_number_index from directory_volunteer where id_number_index in (%s)",
                keys.stream().map(k -> (Object) k.array()).toList(), rs -> ByteBuffer.wrap(rs.getBytes(1)));
    }

    /**
     * Inserts volunteers as APPROVED, each with a fresh 公益护照号 (the same format and sequence as an approval);
     * returns the passport numbers in order.
     */
    List<String> insertVolunteers(
            List<NewVolunteer> volunteers, String consentVersion, String importedBy, Instant now) {
        List<Long> ids = bulk.nextIds(VolunteerStore.TABLE, volunteers.size());
        List<Long> numbers = jdbc.sql("select nextval('directory_volunteer_passport_seq') from generate_series(1, :n)")
                .param("n", volunteers.size())
                .query(Long.class)
                .list();
        List<String> passports = new ArrayList<>();
        for (int i = 0; i < volunteers.size(); i++) {
            passports.add(VolunteerStore.passportNo(volunteers.get(i).region(), numbers.get(i)));
        }
        String table = VolunteerStore.TABLE;
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> served = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        for (int i = 0; i < volunteers.size(); i++) {
            NewVolunteer v = volunteers.get(i);
            ResidentIdNumber id = v.idNumber();
            rows.add(new Object[] {
                ids.get(i),
                v.name(),
                crypto.encrypt(id.value(), table, "id_number"),
                crypto.blindIndex("id_number", id.value()),
                id.sex().name(),
                Date.valueOf(id.birthDate()),
                crypto.encrypt(v.phone().value(), table, "phone"),
                crypto.blindIndex("phone", v.phone().value()),
                "{" + String.join(",", v.skills().stream().map(Skill::name).toList()) + "}",
                v.region().value(),
                v.availability(),
                v.emergencyName(),
                v.emergencyPhone() == null
                        ? null
                        : crypto.encrypt(v.emergencyPhone().value(), table, "emergency_contact_phone"),
                consentVersion,
                at,
                passports.get(i),
                importedBy,
                at,
                importedBy,
                at
            });
            for (RegionCode r : v.served()) {
                served.add(new Object[] {ids.get(i), r.value()});
            }
        }
        template.batchUpdate("""
                insert into directory_volunteer (id, name, id_number_cipher, id_number_index, sex, birth_date,
                    phone_cipher, phone_index, skills, region_code, availability, emergency_contact_name,
                    emergency_contact_phone_cipher, consent_version, consented_at, status, passport_no, reviewed_by,
                    reviewed_at, imported_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as text[]), ?, ?, ?, ?, ?, ?, 'APPROVED', ?, ?, ?, ?, ?)""", rows);
        template.batchUpdate(
                "insert into directory_volunteer_region (volunteer_id, region_code) values (?, ?)"
                        + " on conflict do nothing",
                served);
        return passports;
    }
}
