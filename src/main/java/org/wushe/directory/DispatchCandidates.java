package org.wushe.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.shared.RegionCode;

/**
 * Read-only look-ups for dispatching work to a place (used by help requests): the social workers, approved
 * volunteers and active organisations that are at or serve a region, in one query each, so that ranking many
 * candidates never means joining directory tables from another module. Not scoped by the caller — the caller
 * already holds the record in scope and needs whoever can act there; only names, ids and skills are returned.
 */
@Service
public class DispatchCandidates {

    static final int LIMIT = 300;

    /** A person who can be assigned: {@code local} when their own or a served region contains the place. */
    public record Person(long id, String name, Long accountId, String regionCode, List<String> skills,
            Availability availability, boolean local) {
    }

    public record Organisation(long id, String name, OrgType type, String regionCode) {
    }

    private final JdbcClient jdbc;

    DispatchCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Social workers who are local to {@code place} (living at or under it, at one of its ancestors, or serving
     * one of them) first, then the rest of its district, {@value #LIMIT} at most.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Person> socialWorkers(RegionCode place) {
        return bind(jdbc.sql(pick("directory_social_worker", "directory_social_worker_region", "social_worker_id",
                        "true") + """
                select w.id, w.name, w.account_id, w.region_code, w.availability, p.local,
                    array(select s.specialty from directory_social_worker_specialty s where s.social_worker_id = w.id) as skills
                from picked p join directory_social_worker w on w.id = p.id
                order by p.local desc, w.id limit :limit"""), place)
                .query((rs, n) -> new Person(rs.getLong("id"), rs.getString("name"), nullable(rs.getLong("account_id"),
                        rs.wasNull()), rs.getString("region_code"),
                        Arrays.asList((String[]) rs.getArray("skills").getArray()),
                        Availability.valueOf(rs.getString("availability")), rs.getBoolean("local")))
                .list();
    }

    /** Approved volunteers local to {@code place} first (as for social workers), then the rest of its district. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Person> volunteers(RegionCode place) {
        return bind(jdbc.sql(pick("directory_volunteer", "directory_volunteer_region", "volunteer_id",
                        "status = 'APPROVED'") + """
                select v.id, v.name, v.account_id, v.region_code, v.skills, p.local
                from picked p join directory_volunteer v on v.id = p.id
                order by p.local desc, v.id limit :limit"""), place)
                .query((rs, n) -> new Person(rs.getLong("id"), rs.getString("name"), nullable(rs.getLong("account_id"),
                        rs.wasNull()), rs.getString("region_code"),
                        Arrays.asList((String[]) rs.getArray("skills").getArray()), Availability.ON_DUTY,
                        rs.getBoolean("local")))
                .list();
    }

    /**
     * The ids to show, as a {@code picked (id, local)} CTE: each branch is one index range (own region, served
     * region, district), so the cost follows the rows picked, not the size of the table — a single query with
     * {@code OR … EXISTS} walked the primary key and filtered thousands of rows per call.
     */
    private static String pick(String people, String served, String personColumn, String filter) {
        return """
                with local as (
                    select id from %1$s where (region_code = any(:containing)
                        or (region_code >= :placeLo and region_code < :placeHi)) and %4$s
                    union
                    select r.%3$s from %2$s r join %1$s p on p.id = r.%3$s
                    where r.region_code = any(:containing) and %4$s
                ), picked as (
                    (select id, true as local from local order by id limit :limit)
                    union all
                    (select p.id, false from %1$s p where p.region_code >= :lo and p.region_code < :hi and %4$s
                        and not exists (select 1 from local l where l.id = p.id) order by p.id limit :limit)
                )
                """.formatted(people, served, personColumn, filter);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, RegionCode place) {
        RegionCode district = district(place);
        return sql.param("containing", containing(place)).param("placeLo", place.prefix())
                .param("placeHi", place.subtreeUpperBound()).param("lo", district.prefix())
                .param("hi", district.subtreeUpperBound()).param("limit", LIMIT);
    }

    /** Active organisations of the given kinds in the district around {@code place} or above it (city level). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Organisation> organisations(RegionCode place, Set<OrgType> types) {
        RegionCode district = district(place);
        return jdbc.sql("""
                select id, name, type, region_code from directory_organisation
                where status = 'ACTIVE' and type = any(:types)
                  and ((region_code >= :lo and region_code < :hi) or region_code = any(:containing))
                order by (region_code like :placePrefix) desc, type, name limit :limit""")
                .param("types", types.stream().map(Enum::name).toArray(String[]::new))
                .param("lo", district.prefix()).param("hi", district.subtreeUpperBound())
                .param("containing", containing(place)).param("placePrefix", district(place).prefix() + "%")
                .param("limit", LIMIT)
                .query((rs, n) -> new Organisation(rs.getLong(1), rs.getString(2), OrgType.valueOf(rs.getString(3)),
                        rs.getString(4)))
                .list();
    }

    private static Long nullable(long value, boolean wasNull) {
        return wasNull ? null : value;
    }

    private static RegionCode district(RegionCode place) {
        String v = place.value();
        return v.length() <= 6 ? place : RegionCode.parse(v.substring(0, 6));
    }

    private static String[] containing(RegionCode place) {
        List<String> codes = new java.util.ArrayList<>(place.ancestors().stream().map(RegionCode::value).toList());
        codes.add(place.value());
        return codes.toArray(String[]::new);
    }
}
