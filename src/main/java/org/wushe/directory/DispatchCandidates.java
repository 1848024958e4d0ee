package org.wushe.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.platform.QueryPlans;
import org.wushe.shared.RegionCode;

/**
 * Read-only look-ups for dispatching work to a place (used by help requests): the social workers, approved
 * volunteers and active organisations that are at or serve a region, one query per look-up, so that ranking
 * candidates never means joining directory tables from another module. Not scoped by the caller — the caller
 * already holds the record in scope and needs whoever can act there; only names, ids and skills are returned.
 */
@Service
public class DispatchCandidates {

    /**
     * People of each kind offered for one ranking: five times what a suggestion list shows, so that skill and
     * load have room to choose, while a look-up reads about this many rows whatever the size of the directory.
     * With 100 the benchmark's p99 per suggestion list (bench/, P3) stayed above its 10 ms target; with 50 it is
     * below it in most runs.
     */
    static final int POOL = 50;

    static final int LIMIT = 300;

    /** A person who can be assigned: {@code local} when their own or a served region contains the place. */
    public record Person(
            long id,
            String name,
            Long accountId,
            String regionCode,
            List<String> skills,
            Availability availability,
            boolean local) {}

    public record Organisation(long id, String name, OrgType type, String regionCode) {}

    private static final Kind WORKERS =
            new Kind("directory_social_worker", "directory_social_worker_region", "social_worker_id", "", """
            w.availability,
            array(select s.specialty from directory_social_worker_specialty s where s.social_worker_id = w.id) as skills""");
    private static final Kind VOLUNTEERS = new Kind(
            "directory_volunteer",
            "directory_volunteer_region",
            "volunteer_id",
            " and status = 'APPROVED'",
            "'ON_DUTY' as availability, w.skills");

    /** The tables of one kind of person and what picks the assignable ones ({@code filter} starts with "and"). */
    private record Kind(String people, String served, String personColumn, String filter, String columns) {}

    private static final String POOLS = "(" + pool(WORKERS, "W") + ")\nunion all\n(" + pool(VOLUNTEERS, "V") + ")";

    private final JdbcClient jdbc;
    private final QueryPlans plans;

    DispatchCandidates(JdbcClient jdbc, QueryPlans plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    /** The pools of one place: social workers and approved volunteers, each local ones first. */
    public record Pools(List<Person> socialWorkers, List<Person> volunteers) {}

    /**
     * Up to {@value #POOL} social workers and as many approved volunteers for {@code place}: the local ones first
     * (living at or under it, at one of its ancestors, or serving one of them), then others of its district,
     * nearest street codes first. Where more people are local than fit, {@code sampleKey} (the request's id)
     * picks which: the same for the same key, different across keys, so that work spreads over everyone rather
     * than over the oldest records.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Pools pools(RegionCode place, long sampleKey) {
        // The plan is the same for every place (index ranges in a fixed order). Re-planning it per call cost as
        // much as running it, and PostgreSQL kept re-planning under plan_cache_mode=auto.
        List<Map.Entry<String, Person>> rows = plans.generic(() -> bind(jdbc.sql(POOLS), place)
                .param("key", sampleKey)
                .param("pool", POOL)
                .query((rs, n) -> Map.entry(rs.getString("kind"), person(rs)))
                .list());
        List<Person> workers = new ArrayList<>();
        List<Person> volunteers = new ArrayList<>();
        rows.forEach(row -> ("W".equals(row.getKey()) ? workers : volunteers).add(row.getValue()));
        return new Pools(List.copyOf(workers), List.copyOf(volunteers));
    }

    /** The social worker {@code id} if they can be assigned at {@code place}: local, or in its district. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Person> socialWorker(RegionCode place, long id) {
        return one(WORKERS, place, id);
    }

    /** The volunteer {@code id} if approved and assignable at {@code place}, as for {@link #socialWorker}. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Person> volunteer(RegionCode place, long id) {
        return one(VOLUNTEERS, place, id);
    }

    /**
     * Each branch is one index range read in index order (living at an ancestor, living in the place's subtree,
     * serving the place or an ancestor; then the district on either side of the place; the place itself is read
     * once, by the subtree), so the cost follows the pool, not the directory: ordering the
     * whole district by id read every person of it on each call. The district is read only when fewer than
     * {@value #POOL} people are local, and then {@code sample} holds all of them.
     */
    private static String pool(Kind k, String kind) {
        // Served regions of people who must pass the filter are checked one by one ("offset 0" keeps the lateral
        // a nested loop): as a join, the generic plan hashed every approved volunteer of the city (11 ms).
        String served = k.filter().isEmpty()
                ? "select %2$s from %1$s where region_code = any(:containing)".formatted(k.served(), k.personColumn())
                : """
                select r.%3$s from %2$s r cross join lateral (
                    select 1 from %1$s p where p.id = r.%3$s %4$s offset 0) ok
                where r.region_code = any(:containing)""".formatted(
                        k.people(), k.served(), k.personColumn(), k.filter().replace("status", "p.status"));
        return """
                with local as (
                    select id from %1$s where region_code = any(:ancestors) %2$s
                    union
                    select id from %1$s where region_code >= :placeLo and region_code < :placeHi %2$s
                    union
                    %3$s
                ), sample as (
                    select array(select id from local order by hashint8extended(id, :key) limit :pool) as ids
                ), pool as (
                    select id, local from (
                        select unnest(ids) as id, true as local from sample
                        union all
                        select d.id, false from sample, (
                            (select id from %1$s where region_code >= :placeHi and region_code < :hi %2$s
                                order by region_code, id)
                            union all
                            (select id from %1$s where region_code >= :lo and region_code < :placeLo %2$s
                                order by region_code, id)
                        ) d where d.id <> all(sample.ids)
                    ) u limit :pool
                )
                select '%5$s' as kind, w.id, w.name, w.account_id, w.region_code, p.local, %4$s
                from pool p join %1$s w on w.id = p.id
                order by p.local desc, w.id""".formatted(k.people(), k.filter(), served, k.columns(), kind);
    }

    private Optional<Person> one(Kind k, RegionCode place, long id) {
        String sql = """
                select * from (
                    select w.id, w.name, w.account_id, w.region_code, %5$s,
                        (w.region_code = any(:containing) or (w.region_code >= :placeLo and w.region_code < :placeHi)
                         or exists (select 1 from %2$s r where r.%3$s = w.id and r.region_code = any(:containing))) as local
                    from %1$s w where w.id = :id %4$s
                ) c where local or (region_code >= :lo and region_code < :hi)""".formatted(
                k.people(), k.served(), k.personColumn(), k.filter().replace("status", "w.status"), k.columns());
        return bind(jdbc.sql(sql), place)
                .param("id", id)
                .query((rs, n) -> person(rs))
                .optional();
    }

    private static Person person(ResultSet rs) throws SQLException {
        long account = rs.getLong("account_id");
        Long accountId = rs.wasNull() ? null : account;
        return new Person(
                rs.getLong("id"),
                rs.getString("name"),
                accountId,
                rs.getString("region_code"),
                Arrays.asList((String[]) rs.getArray("skills").getArray()),
                Availability.valueOf(rs.getString("availability")),
                rs.getBoolean("local"));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, RegionCode place) {
        RegionCode district = district(place);
        String[] containing = containing(place);
        return sql.param("containing", containing)
                .param("ancestors", Arrays.copyOf(containing, containing.length - 1))
                .param("placeLo", place.prefix())
                .param("placeHi", place.subtreeUpperBound())
                .param("lo", district.prefix())
                .param("hi", district.subtreeUpperBound());
    }

    /** Active organisations of the given kinds in the district around {@code place} or above it (city level). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Organisation> organisations(RegionCode place, Set<OrgType> types) {
        return organisationQuery(place, types, "order by (region_code like :placePrefix) desc, type, name limit :limit")
                .param("placePrefix", district(place).prefix() + "%")
                .param("limit", LIMIT)
                .query(DispatchCandidates::organisation)
                .list();
    }

    /** The organisation {@code id} if it is one of {@link #organisations}' kinds and places, however many there are. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Organisation> organisation(RegionCode place, Set<OrgType> types, long id) {
        return organisationQuery(place, types, "and id = :id")
                .param("id", id)
                .query(DispatchCandidates::organisation)
                .optional();
    }

    private JdbcClient.StatementSpec organisationQuery(RegionCode place, Set<OrgType> types, String tail) {
        RegionCode district = district(place);
        return jdbc.sql("""
                select id, name, type, region_code from directory_organisation
                where status = 'ACTIVE' and type = any(:types)
                  and ((region_code >= :lo and region_code < :hi) or region_code = any(:containing))
                """ + tail)
                .param("types", types.stream().map(Enum::name).toArray(String[]::new))
                .param("lo", district.prefix())
                .param("hi", district.subtreeUpperBound())
                .param("containing", containing(place));
    }

    private static Organisation organisation(ResultSet rs, int row) throws SQLException {
        return new Organisation(rs.getLong(1), rs.getString(2), OrgType.valueOf(rs.getString(3)), rs.getString(4));
    }

    private static RegionCode district(RegionCode place) {
        String v = place.value();
        return v.length() <= 6 ? place : RegionCode.parse(v.substring(0, 6));
    }

    private static String[] containing(RegionCode place) {
        List<String> codes = new ArrayList<>(
                place.ancestors().stream().map(RegionCode::value).toList());
        codes.add(place.value());
        return codes.toArray(String[]::new);
    }
}
