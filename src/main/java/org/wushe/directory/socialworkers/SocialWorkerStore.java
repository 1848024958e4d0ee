package org.wushe.directory.socialworkers;

import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.directory.Availability;
import org.wushe.directory.Qualification;
import org.wushe.directory.Specialty;
import org.wushe.directory.imports.BulkSql;
import org.wushe.platform.SqlLike;
import org.wushe.shared.RegionCode;
import org.wushe.shared.Sex;

/**
 * Social workers in SQL: writes (single and batched for imports) and reads scoped by the worker's home region
 * against the caller's data scope ({@link DataScope#regionPredicate}), the list filters in the same statement.
 */
@Repository
class SocialWorkerStore {

    private static final String COLUMNS = "w.id, w.name, w.id_number_cipher, w.sex, w.birth_date, w.phone_cipher,"
            + " w.qualification, w.certificate_no, w.party_member, w.availability, w.region_code,"
            + " array(select s.specialty from directory_social_worker_specialty s where s.social_worker_id = w.id"
            + " order by s.specialty) as specialties,"
            + " array(select o.name from directory_social_worker_membership m join directory_organisation o"
            + " on o.id = m.organisation_id where m.social_worker_id = w.id order by o.name) as organisations";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BulkSql bulk;
    private final SocialWorkerCipher cipher;

    SocialWorkerStore(JdbcClient jdbc, JdbcTemplate template, BulkSql bulk, SocialWorkerCipher cipher) {
        this.jdbc = jdbc;
        this.template = template;
        this.bulk = bulk;
        this.cipher = cipher;
    }

    /** Inserts the workers (ids already drawn with {@link #nextIds}) and their collections in batches. */
    public void insertAll(List<SocialWorkerRecord> workers) {
        if (workers.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into directory_social_worker (id, name, id_number_cipher, id_number_index, sex, birth_date,
                    phone_cipher, phone_index, qualification, certificate_no, party_member, reported_community,
                    availability, region_code, account_id, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", workers, 1000, (ps, w) -> {
            ps.setLong(1, w.id());
            ps.setString(2, w.name());
            ps.setBytes(3, w.idNumberCipher());
            ps.setBytes(4, w.idNumberIndex());
            ps.setString(5, w.sex().name());
            ps.setDate(6, Date.valueOf(w.birthDate()));
            ps.setBytes(7, w.phoneCipher());
            ps.setBytes(8, w.phoneIndex());
            ps.setString(9, w.qualification().name());
            ps.setString(10, w.certificateNo());
            ps.setBoolean(11, w.partyMember());
            ps.setString(12, w.reportedCommunity());
            ps.setString(13, w.availability().name());
            ps.setString(14, w.regionCode().value());
            ps.setObject(15, w.accountId());
            ps.setTimestamp(16, Timestamp.from(w.createdAt()));
            ps.setString(17, w.createdBy());
        });
        insertCollections(workers);
    }

    private void insertCollections(List<SocialWorkerRecord> workers) {
        List<Object[]> specialties = new ArrayList<>();
        List<Object[]> memberships = new ArrayList<>();
        List<Object[]> regions = new ArrayList<>();
        for (SocialWorkerRecord w : workers) {
            w.specialties().forEach(s -> specialties.add(new Object[] {w.id(), s.name()}));
            w.organisationIds().forEach(o -> memberships.add(new Object[] {w.id(), o}));
            w.servedRegions().forEach(r -> regions.add(new Object[] {w.id(), r}));
        }
        template.batchUpdate(
                "insert into directory_social_worker_specialty (social_worker_id, specialty)" + " values (?, ?)",
                specialties);
        template.batchUpdate(
                "insert into directory_social_worker_membership (social_worker_id, organisation_id)" + " values (?, ?)",
                memberships);
        template.batchUpdate(
                "insert into directory_social_worker_region (social_worker_id, region_code)" + " values (?, ?)",
                regions);
    }

    public List<Long> nextIds(int n) {
        return bulk.nextIds("directory_social_worker", n);
    }

    /** Replaces a worker's fields and collections (optimistic on {@code version}). */
    public void update(SocialWorkerRecord w) {
        int n = jdbc.sql("""
                update directory_social_worker set name = :name, id_number_cipher = :idc, id_number_index = :idi,
                    sex = :sex, birth_date = :birth, phone_cipher = :pc, phone_index = :pi,
                    qualification = :q, certificate_no = :cert, party_member = :party, reported_community = :rc,
                    availability = :a, region_code = :region, version = version + 1
                where id = :id and version = :version""")
                .param("name", w.name())
                .param("idc", w.idNumberCipher())
                .param("idi", w.idNumberIndex())
                .param("sex", w.sex().name())
                .param("birth", w.birthDate())
                .param("pc", w.phoneCipher())
                .param("pi", w.phoneIndex())
                .param("q", w.qualification().name())
                .param("cert", w.certificateNo())
                .param("party", w.partyMember())
                .param("rc", w.reportedCommunity())
                .param("a", w.availability().name())
                .param("region", w.regionCode().value())
                .param("id", w.id())
                .param("version", w.version())
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("social worker " + w.id() + " changed meanwhile");
        }
        for (String table : List.of("specialty", "membership", "region")) {
            jdbc.sql("delete from directory_social_worker_" + table + " where social_worker_id = ?")
                    .param(w.id())
                    .update();
        }
        insertCollections(List.of(w));
    }

    public void setAvailability(long id, Availability availability) {
        jdbc.sql("update directory_social_worker set availability = ?, version = version + 1 where id = ?")
                .param(availability.name())
                .param(id)
                .update();
    }

    public Optional<SocialWorkerRecord> find(long id) {
        return jdbc.sql("select * from directory_social_worker where id = ?")
                .param(id)
                .query((rs, n) -> {
                    Set<Specialty> specialties = EnumSet.noneOf(Specialty.class);
                    jdbc.sql("select specialty from directory_social_worker_specialty where social_worker_id = ?")
                            .param(id)
                            .query(String.class)
                            .list()
                            .forEach(s -> specialties.add(Specialty.valueOf(s)));
                    List<Long> orgs = jdbc.sql("select organisation_id from directory_social_worker_membership"
                                    + " where social_worker_id = ? order by organisation_id")
                            .param(id)
                            .query(Long.class)
                            .list();
                    List<String> regions = jdbc.sql("select region_code from directory_social_worker_region"
                                    + " where social_worker_id = ? order by region_code")
                            .param(id)
                            .query(String.class)
                            .list();
                    long account = rs.getLong("account_id");
                    return new SocialWorkerRecord(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getBytes("id_number_cipher"),
                            rs.getBytes("id_number_index"),
                            Sex.valueOf(rs.getString("sex")),
                            rs.getDate("birth_date").toLocalDate(),
                            rs.getBytes("phone_cipher"),
                            rs.getBytes("phone_index"),
                            Qualification.valueOf(rs.getString("qualification")),
                            rs.getString("certificate_no"),
                            rs.getBoolean("party_member"),
                            rs.getString("reported_community"),
                            Availability.valueOf(rs.getString("availability")),
                            RegionCode.parse(rs.getString("region_code")),
                            rs.wasNull() ? null : account,
                            specialties,
                            orgs,
                            regions,
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getString("created_by"),
                            rs.getInt("version"));
                })
                .optional();
    }

    public Optional<Long> idOfIdNumber(byte[] index) {
        return jdbc.sql("select id from directory_social_worker where id_number_index = ?")
                .param(index)
                .query(Long.class)
                .optional();
    }

    /** Which of these ID-number blind indexes are already taken. */
    public Set<ByteBuffer> takenIdNumbers(List<ByteBuffer> indexes) {
        return bulk.taken(
                "select id_number_index from directory_social_worker where id_number_index in (%s)",
                indexes.stream().map(k -> (Object) k.array()).toList(), rs -> ByteBuffer.wrap(rs.getBytes(1)));
    }

    public boolean isVisible(DataScope scope, long id) {
        var predicate = scope.regionPredicate("w.region_code");
        return jdbc.sql("select exists (select 1 from directory_social_worker w where w.id = :id and " + predicate.sql()
                        + ")")
                .params(predicate.params())
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    public boolean isMember(long id, long organisationId) {
        return jdbc.sql("select exists (select 1 from directory_social_worker_membership where social_worker_id = ?"
                        + " and organisation_id = ?)")
                .param(id)
                .param(organisationId)
                .query(Boolean.class)
                .single();
    }

    public List<SocialWorkerRow> page(DataScope scope, SocialWorkerFilter filter, long offset, int limit) {
        Where where = where(scope, filter);
        return jdbc.sql("select " + COLUMNS + " from directory_social_worker w where " + where.sql
                        + " order by w.region_code, w.name, w.id offset :offset limit :limit")
                .params(where.params)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    public long count(DataScope scope, SocialWorkerFilter filter, long limit) {
        Where where = where(scope, filter);
        return jdbc.sql("select count(*) from (select 1 from directory_social_worker w where " + where.sql
                        + " limit :limit) t")
                .params(where.params)
                .param("limit", limit)
                .query(Long.class)
                .single();
    }

    public long forEach(DataScope scope, SocialWorkerFilter filter, Consumer<SocialWorkerRow> sink) {
        Where where = where(scope, filter);
        long[] n = {0};
        jdbc.sql("select " + COLUMNS + " from directory_social_worker w where " + where.sql
                        + " order by w.region_code, w.name, w.id")
                .params(where.params)
                .query(rs -> {
                    sink.accept(row(rs, 0));
                    n[0]++;
                });
        return n[0];
    }

    /** A social worker as the picker lists them: name, home region and organisations (nothing masked). */
    record Pick(long id, String name, String regionCode, List<String> organisations) {}

    /**
     * For the picker: workers in scope whose name contains {@code text} (or whose id it is), exact names first,
     * at most {@code limit}; optionally only members of one organisation.
     */
    public List<Pick> search(DataScope scope, String text, Long organisationId, int limit) {
        var predicate = scope.regionPredicate("w.region_code");
        Long id = text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
        return jdbc.sql(
                        "select w.id, w.name, w.region_code, array(select o.name from directory_social_worker_membership m"
                                + " join directory_organisation o on o.id = m.organisation_id where m.social_worker_id = w.id"
                                + " order by o.name) as organisations from directory_social_worker w where "
                                + predicate.sql()
                                + " and (w.name like :name escape '\\' or w.id = cast(:id as bigint))"
                                + " and (cast(:org as bigint) is null or exists (select 1 from directory_social_worker_membership m"
                                + " where m.social_worker_id = w.id and m.organisation_id = cast(:org as bigint)))"
                                + " order by (w.name = :exact) desc, w.name, w.id limit :limit")
                .params(predicate.params())
                .param("name", SqlLike.contains(text))
                .param("id", id)
                .param("org", organisationId)
                .param("exact", text)
                .param("limit", limit)
                .query((rs, n) ->
                        new Pick(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"), List.of((String[])
                                rs.getArray("organisations").getArray())))
                .list();
    }

    /** The workers in scope with exactly this name (at most 2: enough to tell one from several). */
    public List<Long> idsNamed(DataScope scope, String name) {
        var predicate = scope.regionPredicate("w.region_code");
        return jdbc.sql("select w.id from directory_social_worker w where w.name = :name and " + predicate.sql()
                        + " order by w.id limit 2")
                .params(predicate.params())
                .param("name", name)
                .query(Long.class)
                .list();
    }

    /** Workers in scope per organisation they belong to (the organisation named; largest first). */
    public List<SocialWorkerCount> countsByOrganisation(DataScope scope) {
        var predicate = scope.regionPredicate("w.region_code");
        return jdbc.sql("select o.id, o.name, count(*) as n from directory_social_worker w"
                        + " join directory_social_worker_membership m on m.social_worker_id = w.id"
                        + " join directory_organisation o on o.id = m.organisation_id where " + predicate.sql()
                        + " group by o.id, o.name order by n desc, o.name")
                .params(predicate.params())
                .query((rs, n) -> new SocialWorkerCount(rs.getString("id"), rs.getString("name"), rs.getLong("n")))
                .list();
    }

    /** Workers in scope per home region. */
    public List<SocialWorkerCount> countsByRegion(DataScope scope) {
        var predicate = scope.regionPredicate("w.region_code");
        return jdbc.sql("select w.region_code, count(*) as n from directory_social_worker w where " + predicate.sql()
                        + " group by w.region_code order by w.region_code")
                .params(predicate.params())
                .query((rs, n) -> new SocialWorkerCount(rs.getString(1), rs.getString(1), rs.getLong("n")))
                .list();
    }

    private static Where where(DataScope scope, SocialWorkerFilter filter) {
        var predicate = scope.regionPredicate("w.region_code");
        StringBuilder sql = new StringBuilder(predicate.sql());
        Map<String, Object> params = new LinkedHashMap<>(predicate.params());
        if (filter.name() != null) {
            sql.append(" and w.name like :name escape '\\'");
            params.put("name", SqlLike.contains(filter.name()));
        }
        if (filter.organisationId() != null) {
            sql.append(" and exists (select 1 from directory_social_worker_membership m where m.social_worker_id = w.id"
                    + " and m.organisation_id = :org)");
            params.put("org", filter.organisationId());
        }
        if (filter.qualification() != null) {
            sql.append(" and w.qualification = :qualification");
            params.put("qualification", filter.qualification().name());
        }
        if (filter.specialty() != null) {
            sql.append(" and exists (select 1 from directory_social_worker_specialty s where s.social_worker_id = w.id"
                    + " and s.specialty = :specialty)");
            params.put("specialty", filter.specialty().name());
        }
        if (filter.availability() != null) {
            sql.append(" and w.availability = :availability");
            params.put("availability", filter.availability().name());
        }
        if (filter.region() != null) {
            sql.append(" and w.region_code >= :region_lo and w.region_code < :region_hi");
            params.put("region_lo", filter.region().prefix());
            params.put("region_hi", filter.region().subtreeUpperBound());
        }
        return new Where(sql.toString(), params);
    }

    private SocialWorkerRow row(ResultSet rs, int n) throws SQLException {
        List<Specialty> specialties = Arrays.stream(
                        (String[]) rs.getArray("specialties").getArray())
                .map(Specialty::valueOf)
                .sorted()
                .toList();
        List<String> organisations =
                List.of((String[]) rs.getArray("organisations").getArray());
        return new SocialWorkerRow(
                rs.getLong("id"),
                rs.getString("name"),
                cipher.maskedIdNumber(rs.getBytes("id_number_cipher")),
                Sex.valueOf(rs.getString("sex")),
                rs.getDate("birth_date").toLocalDate(),
                cipher.maskedPhone(rs.getBytes("phone_cipher")),
                Qualification.valueOf(rs.getString("qualification")),
                rs.getString("certificate_no"),
                specialties,
                rs.getBoolean("party_member"),
                Availability.valueOf(rs.getString("availability")),
                rs.getString("region_code"),
                organisations);
    }

    private record Where(String sql, Map<String, Object> params) {}
}
