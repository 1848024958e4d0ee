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

    /** Social workers of the district around {@code place}, or serving a region that contains it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Person> socialWorkers(RegionCode place) {
        RegionCode district = district(place);
        String[] containing = containing(place);
        return jdbc.sql("""
                select w.id, w.name, w.account_id, w.region_code, w.availability,
                    array(select s.specialty from directory_social_worker_specialty s where s.social_worker_id = w.id) as skills,
                    (w.region_code = any(:containing) or w.region_code like :placePrefix
                     or exists (select 1 from directory_social_worker_region r where r.social_worker_id = w.id
                                and r.region_code = any(:containing))) as local
                from directory_social_worker w
                where (w.region_code >= :lo and w.region_code < :hi) or w.region_code = any(:containing)
                   or exists (select 1 from directory_social_worker_region r where r.social_worker_id = w.id
                              and r.region_code = any(:containing))
                order by w.id limit :limit""")
                .param("containing", containing).param("placePrefix", place.prefix() + "%")
                .param("lo", district.prefix()).param("hi", district.subtreeUpperBound()).param("limit", LIMIT)
                .query((rs, n) -> new Person(rs.getLong("id"), rs.getString("name"), nullable(rs.getLong("account_id"),
                        rs.wasNull()), rs.getString("region_code"),
                        Arrays.asList((String[]) rs.getArray("skills").getArray()),
                        Availability.valueOf(rs.getString("availability")), rs.getBoolean("local")))
                .list();
    }

    /** Approved volunteers of the district around {@code place}, or serving a region that contains it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Person> volunteers(RegionCode place) {
        RegionCode district = district(place);
        String[] containing = containing(place);
        return jdbc.sql("""
                select v.id, v.name, v.account_id, v.region_code, v.skills,
                    (v.region_code = any(:containing) or v.region_code like :placePrefix
                     or exists (select 1 from directory_volunteer_region r where r.volunteer_id = v.id
                                and r.region_code = any(:containing))) as local
                from directory_volunteer v
                where v.status = 'APPROVED' and ((v.region_code >= :lo and v.region_code < :hi)
                   or exists (select 1 from directory_volunteer_region r where r.volunteer_id = v.id
                              and r.region_code = any(:containing)))
                order by v.id limit :limit""")
                .param("containing", containing).param("placePrefix", place.prefix() + "%")
                .param("lo", district.prefix()).param("hi", district.subtreeUpperBound()).param("limit", LIMIT)
                .query((rs, n) -> new Person(rs.getLong("id"), rs.getString("name"), nullable(rs.getLong("account_id"),
                        rs.wasNull()), rs.getString("region_code"),
                        Arrays.asList((String[]) rs.getArray("skills").getArray()), Availability.ON_DUTY,
                        rs.getBoolean("local")))
                .list();
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
