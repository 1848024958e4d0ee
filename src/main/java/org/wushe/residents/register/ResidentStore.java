package org.wushe.residents.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.residents.RiskLevel;
import org.wushe.shared.RegionCode;
import org.wushe.shared.Sex;

/**
 * Residents in SQL. Every read a caller can reach goes through {@link DataScope#regionPredicate} on
 * {@code community_code}, with the list filters in the same statement.
 */
@Repository
class ResidentStore {

    private final JdbcClient jdbc;
    private final ResidentCipher cipher;

    ResidentStore(JdbcClient jdbc, ResidentCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public long insert(ResidentRecord r) {
        long id = jdbc.sql("""
                insert into residents_resident (name, id_number_cipher, id_number_index, sex, birth_date, phone_cipher,
                    phone_index, registered_address, residence_address, community_code, building, unit, room,
                    guardian_name, guardian_relation, guardian_phone_cipher, emergency_contact_name,
                    emergency_contact_relation, emergency_contact_phone_cipher, grid_worker_account_id,
                    social_worker_id, lawful_basis, consent_at, created_at, created_by, updated_at)
                values (:name, :idc, :idi, :sex, :birth, :pc, :pi, :reg, :res, :community, :building, :unit, :room,
                    :gn, :gr, :gp, :en, :er, :ep, :grid, :sw, :basis, :consent, :created, :by, :created)
                returning id""").paramSource(params(r)).query(Long.class).single();
        replaceCategories(id, r.categories());
        return id;
    }

    /** Replaces the editable fields (optimistic on {@code version}). */
    public void update(ResidentRecord r) {
        int n = jdbc.sql("""
                update residents_resident set name = :name, id_number_cipher = :idc, id_number_index = :idi,
                    sex = :sex, birth_date = :birth, phone_cipher = :pc, phone_index = :pi,
                    registered_address = :reg, residence_address = :res, community_code = :community,
                    building = :building, unit = :unit, room = :room, guardian_name = :gn, guardian_relation = :gr,
                    guardian_phone_cipher = :gp, emergency_contact_name = :en, emergency_contact_relation = :er,
                    emergency_contact_phone_cipher = :ep, grid_worker_account_id = :grid, social_worker_id = :sw,
                    lawful_basis = :basis, consent_at = :consent, updated_at = :created, version = version + 1
                where id = :id and version = :version""")
                .params(params(r))
                .param("id", r.id())
                .param("version", r.version())
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("resident " + r.id() + " changed meanwhile");
        }
        replaceCategories(r.id(), r.categories());
        // the community is copied onto the care tables so their lists scope without a join
        for (String table :
                List.of("residents_assessment", "residents_visit", "residents_checkin_enrolment", "residents_case")) {
            jdbc.sql("update " + table + " set community_code = ? where resident_id = ? and community_code <> ?")
                    .params(r.communityCode().value(), r.id(), r.communityCode().value())
                    .update();
        }
    }

    private static Map<String, Object> params(ResidentRecord r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", r.name());
        p.put("idc", r.idNumberCipher());
        p.put("idi", r.idNumberIndex());
        p.put("sex", r.sex().name());
        p.put("birth", r.birthDate());
        p.put("pc", r.phoneCipher());
        p.put("pi", r.phoneIndex());
        p.put("reg", r.registeredAddress());
        p.put("res", r.residenceAddress());
        p.put("community", r.communityCode().value());
        p.put("building", r.building());
        p.put("unit", r.unit());
        p.put("room", r.room());
        p.put("gn", r.guardianName());
        p.put("gr", r.guardianRelation());
        p.put("gp", r.guardianPhoneCipher());
        p.put("en", r.emergencyContactName());
        p.put("er", r.emergencyContactRelation());
        p.put("ep", r.emergencyContactPhoneCipher());
        p.put("grid", r.gridWorkerAccountId());
        p.put("sw", r.socialWorkerId());
        p.put("basis", r.lawfulBasis());
        p.put("consent", r.consentAt() == null ? null : Timestamp.from(r.consentAt()));
        p.put("created", Timestamp.from(r.createdAt()));
        p.put("by", r.createdBy());
        return p;
    }

    public void replaceCategories(long id, List<CategoryDetail> categories) {
        jdbc.sql("delete from residents_category where resident_id = ?")
                .param(id)
                .update();
        for (CategoryDetail c : categories) {
            jdbc.sql("""
                    insert into residents_category (resident_id, category, disability_type, disability_grade, due_date,
                        hospital, schedule, illness) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            c.category(),
                            c.disabilityType(),
                            c.disabilityGrade(),
                            c.dueDate(),
                            c.hospital(),
                            c.schedule(),
                            c.illness())
                    .update();
        }
    }

    public boolean isVisible(DataScope scope, long id) {
        var p = scope.regionPredicate("community_code");
        return jdbc.sql("select count(*) from residents_resident where id = :id and " + p.sql())
                        .params(p.params())
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<ResidentRecord> find(long id) {
        return jdbc.sql("select * from residents_resident where id = ?")
                .param(id)
                .query((rs, n) -> map(rs, categories(id)))
                .optional();
    }

    /** The community of a resident (for jobs and notifications; not scoped). */
    public Optional<String> communityOf(long id) {
        return jdbc.sql("select community_code from residents_resident where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    public Optional<Long> liveIdByIdNumber(byte[] index) {
        return jdbc.sql("select id from residents_resident where id_number_index = ? and voided_at is null")
                .param(index)
                .query(Long.class)
                .optional();
    }

    public List<CategoryDetail> categories(long id) {
        return jdbc.sql("""
                select category, disability_type, disability_grade, due_date, hospital, schedule, illness
                from residents_category where resident_id = ? order by category""")
                .param(id)
                .query((rs, n) -> new CategoryDetail(
                        rs.getString(1),
                        rs.getString(2),
                        (Integer) rs.getObject(3, Integer.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    public void setState(ResidentState s) {
        jdbc.sql("""
                update residents_resident set voided_at = ?, void_reason = ?, merged_into_id = ?, updated_at = now(),
                    version = version + 1 where id = ?""")
                .params(
                        s.voidedAt() == null ? null : Timestamp.from(s.voidedAt()),
                        s.voidReason(),
                        s.mergedIntoId(),
                        s.id())
                .update();
    }

    /** Moves categories, household, assessments, visits, check-ins and cases of {@code from} to {@code to}. */
    public void moveCareRecords(long from, long to, RegionCode toCommunity) {
        jdbc.sql("""
                insert into residents_category (resident_id, category, disability_type, disability_grade, due_date,
                    hospital, schedule, illness)
                select ?, category, disability_type, disability_grade, due_date, hospital, schedule, illness
                from residents_category where resident_id = ? on conflict do nothing""").params(to, from).update();
        jdbc.sql("delete from residents_category where resident_id = ?")
                .param(from)
                .update();
        for (String table : List.of("residents_assessment", "residents_visit", "residents_case")) {
            jdbc.sql("update " + table + " set resident_id = ?, community_code = ? where resident_id = ?")
                    .params(to, toCommunity.value(), from)
                    .update();
        }
        jdbc.sql("update residents_checkin set resident_id = ? where resident_id = ?")
                .params(to, from)
                .update();
        jdbc.sql("""
                update residents_checkin_enrolment set resident_id = ?, community_code = ? where resident_id = ?
                    and not exists (select 1 from residents_checkin_enrolment e where e.resident_id = ?)""").params(to, toCommunity.value(), from, to).update();
        jdbc.sql("delete from residents_checkin_enrolment where resident_id = ?")
                .param(from)
                .update();
        jdbc.sql("""
                update residents_resident s set last_visit_at = greatest(s.last_visit_at, m.last_visit_at),
                    last_home_visit_at = greatest(s.last_home_visit_at, m.last_home_visit_at),
                    household_id = coalesce(s.household_id, m.household_id),
                    household_relation = coalesce(s.household_relation, m.household_relation)
                from residents_resident m where s.id = ? and m.id = ?""").params(to, from).update();
    }

    public void recordMerge(long survivor, long merged, String reason, Instant at, String by) {
        jdbc.sql(
                        "insert into residents_merge (survivor_id, merged_id, reason, merged_at, merged_by) values (?,?,?,?,?)")
                .params(survivor, merged, reason, Timestamp.from(at), by)
                .update();
    }

    /** A resident as a picker lists them (the caller masks the name and the ID number). */
    record Pick(long id, String name, byte[] idNumberCipher, String communityCode) {}

    /**
     * For the picker of a duplicate record: live residents in scope other than {@code except} whose name is like
     * {@code pattern} (or whose id is {@code id}), exact names first, at most {@code limit}.
     */
    public List<Pick> pick(DataScope scope, long except, String pattern, String exact, Long id, int limit) {
        var p = scope.regionPredicate("community_code");
        return jdbc.sql("select id, name, id_number_cipher, community_code from residents_resident where "
                        + p.sql()
                        + " and voided_at is null and id <> :except"
                        + " and (name like :pattern escape '\\' or id = cast(:id as bigint))"
                        + " order by (name = :exact) desc, name, id limit :limit")
                .params(p.params())
                .param("except", except)
                .param("pattern", pattern)
                .param("exact", exact)
                .param("id", id)
                .param("limit", limit)
                .query((rs, n) -> new Pick(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
                .list();
    }

    // ---- lists ----

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(DataScope scope, ResidentFilter f) {
        var p = scope.regionPredicate("r.community_code");
        List<String> conditions = new ArrayList<>(List.of(p.sql()));
        Map<String, Object> params = new LinkedHashMap<>(p.params());
        conditions.add(Boolean.TRUE.equals(f.voided()) ? "r.voided_at is not null" : "r.voided_at is null");
        if (f.category() != null) {
            conditions.add("exists (select 1 from residents_category c where c.resident_id = r.id"
                    + " and c.category = :category)");
            params.put("category", f.category().name());
        }
        if (f.community() != null) {
            conditions.add("r.community_code >= :clo and r.community_code < :chi");
            params.put("clo", f.community().prefix());
            params.put("chi", f.community().subtreeUpperBound());
        }
        if (f.riskLevel() != null) {
            conditions.add("r.risk_level = :risk");
            params.put("risk", f.riskLevel().name());
        }
        if (f.name() != null) {
            conditions.add("r.name like :name");
            params.put(
                    "name",
                    "%" + f.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(String.join(" and ", conditions), params);
    }

    public long count(DataScope scope, ResidentFilter filter) {
        Where w = where(scope, filter);
        return jdbc.sql("select count(*) from residents_resident r where " + w.sql())
                .params(w.params())
                .query(Long.class)
                .single();
    }

    public List<ResidentRow> page(DataScope scope, ResidentFilter filter, long offset, int limit) {
        Where w = where(scope, filter);
        return jdbc.sql("""
                select r.id, r.name, r.id_number_cipher, r.sex, r.birth_date, r.community_code, r.risk_level,
                    r.voided_at is not null as voided,
                    array(select c.category from residents_category c where c.resident_id = r.id order by c.category)
                        as categories
                from residents_resident r where\s""" + w.sql() + " order by r.id desc offset :offset limit :limit")
                .params(w.params())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new ResidentRow(
                        rs.getLong("id"),
                        rs.getString("name"),
                        cipher.maskedIdNumber(rs.getBytes("id_number_cipher")),
                        Sex.valueOf(rs.getString("sex")),
                        rs.getObject("birth_date", LocalDate.class),
                        rs.getString("community_code"),
                        List.of((String[]) rs.getArray("categories").getArray()),
                        risk(rs.getString("risk_level")),
                        rs.getBoolean("voided")))
                .list();
    }

    static RiskLevel risk(String s) {
        return s == null ? null : RiskLevel.valueOf(s);
    }

    private static ResidentRecord map(ResultSet rs, List<CategoryDetail> categories) throws SQLException {
        return new ResidentRecord(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getBytes("id_number_cipher"),
                rs.getBytes("id_number_index"),
                Sex.valueOf(rs.getString("sex")),
                rs.getObject("birth_date", LocalDate.class),
                rs.getBytes("phone_cipher"),
                rs.getBytes("phone_index"),
                rs.getString("registered_address"),
                rs.getString("residence_address"),
                RegionCode.parse(rs.getString("community_code")),
                rs.getString("building"),
                rs.getString("unit"),
                rs.getString("room"),
                rs.getObject("household_id", Long.class),
                rs.getString("household_relation"),
                rs.getString("guardian_name"),
                rs.getString("guardian_relation"),
                rs.getBytes("guardian_phone_cipher"),
                rs.getString("emergency_contact_name"),
                rs.getString("emergency_contact_relation"),
                rs.getBytes("emergency_contact_phone_cipher"),
                rs.getObject("grid_worker_account_id", Long.class),
                rs.getObject("social_worker_id", Long.class),
                rs.getString("lawful_basis"),
                instant(rs, "consent_at"),
                rs.getString("risk_level"),
                rs.getObject("reassess_due", LocalDate.class),
                instant(rs, "last_visit_at"),
                instant(rs, "voided_at"),
                rs.getString("void_reason"),
                rs.getObject("merged_into_id", Long.class),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                rs.getInt("version"),
                categories);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
