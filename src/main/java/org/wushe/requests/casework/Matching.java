package org.wushe.requests.casework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.directory.Availability;
import org.wushe.directory.DispatchCandidates;
import org.wushe.requests.Category;
import org.wushe.requests.casework.Suggestions.Candidate;
import org.wushe.shared.RegionCode;

/**
 * Ranks who could take a request: in the same community (or serving it) first, then a specialty or skill that
 * fits the category, then fewer open requests, and never an off-duty social worker ahead of an on-duty one.
 * Open loads come from one grouped statement over the candidates' ids.
 */
@Component
class Matching {

    static final int SHOWN = 10;
    static final Map<Category, Set<String>> FITS = new EnumMap<>(Map.of(
            Category.DIALYSIS, Set.of("MEDICAL", "DRIVING"),
            Category.PRENATAL_CHECK, Set.of("MEDICAL", "DRIVING", "FAMILY"),
            Category.EMERGENCY_MEDICAL, Set.of("MEDICAL", "DRIVING"),
            Category.CHRONIC_MEDICINE, Set.of("MEDICAL", "LOGISTICS", "ELDERLY"),
            Category.FOOD_SUPPLIES, Set.of("LOGISTICS", "COMMUNITY"),
            Category.PSYCHOLOGICAL, Set.of("PSYCHOLOGICAL"),
            Category.CHILD_PARENT, Set.of("CHILD_YOUTH", "FAMILY", "CARE"),
            Category.ELDERLY_CARE, Set.of("ELDERLY", "CARE"),
            Category.TRANSPORT_ESCORT, Set.of("DRIVING"),
            Category.OTHER, Set.of("COMMUNITY")));

    private final JdbcClient jdbc;

    Matching(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Suggestions rank(
            Category category,
            RegionCode place,
            List<DispatchCandidates.Organisation> orgs,
            DispatchCandidates.Pools pools) {
        Set<String> fits = FITS.getOrDefault(category, Set.of());
        List<Candidate> orgList = orgs.stream()
                .map(o -> {
                    boolean local = place.value().startsWith(o.regionCode())
                            || o.regionCode().startsWith(place.value());
                    List<String> reasons = new ArrayList<>();
                    if (local) {
                        reasons.add("local");
                    }
                    return new Candidate(o.id(), o.name(), o.regionCode(), 0, true, reasons, local ? 100 : 0);
                })
                .sorted(Comparator.comparingInt(Candidate::score).reversed())
                .limit(SHOWN)
                .toList();
        Loads loads = loads(pools);
        return new Suggestions(
                orgList,
                people(pools.socialWorkers(), fits, loads.workers()),
                people(pools.volunteers(), fits, loads.volunteers()));
    }

    private List<Candidate> people(List<DispatchCandidates.Person> people, Set<String> fits, Map<Long, Integer> loads) {
        return people.stream()
                .map(p -> {
                    int open = loads.getOrDefault(p.id(), 0);
                    boolean onDuty = p.availability() == Availability.ON_DUTY;
                    boolean fit = p.skills().stream().anyMatch(fits::contains);
                    List<String> reasons = new ArrayList<>();
                    int score = 0;
                    if (p.local()) {
                        score += 100;
                        reasons.add("local");
                    }
                    if (fit) {
                        score += 50;
                        reasons.add("fit");
                    }
                    if (onDuty) {
                        score += 30;
                        reasons.add("onDuty");
                    } else {
                        score -= 200;
                    }
                    score -= 10 * open;
                    return new Candidate(p.id(), p.name(), p.regionCode(), open, onDuty, reasons, score);
                })
                .sorted(Comparator.comparingInt(Candidate::score).reversed().thenComparingLong(Candidate::id))
                .limit(SHOWN)
                .toList();
    }

    private record Loads(Map<Long, Integer> workers, Map<Long, Integer> volunteers) {}

    /** Open assignments of every candidate, social workers and volunteers in one statement. */
    private Loads loads(DispatchCandidates.Pools pools) {
        Loads loads = new Loads(new HashMap<>(), new HashMap<>());
        if (pools.socialWorkers().isEmpty() && pools.volunteers().isEmpty()) {
            return loads;
        }
        jdbc.sql("""
                select 'W', worker_id, count(*) from requests_help_request
                where worker_id = any(:workers) and status in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS') group by worker_id
                union all
                select 'V', volunteer_id, count(*) from requests_help_request
                where volunteer_id = any(:volunteers) and status in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS')
                group by volunteer_id""")
                .param("workers", ids(pools.socialWorkers()))
                .param("volunteers", ids(pools.volunteers()))
                .query(rs -> {
                    ("W".equals(rs.getString(1)) ? loads.workers() : loads.volunteers())
                            .put(rs.getLong(2), rs.getInt(3));
                });
        return loads;
    }

    private static Long[] ids(List<DispatchCandidates.Person> people) {
        return people.stream().map(DispatchCandidates.Person::id).toArray(Long[]::new);
    }
}
