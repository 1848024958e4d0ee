package org.wushe.statistics.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures counted live in SQL from the other modules' own tables (which statistics alone may read): the
 * five parties in the directory, the register, the requests and the verification tasks, each within the area.
 */
@Component
class LiveFigures {

    private final JdbcClient jdbc;

    LiveFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One figure of a breakdown: its key (an enum name, e.g. a category) and its count. */
    record Count(String key, long count) {}

    /** The directory's headline: keys agencies, stations, socialWorkers, qualified, partyMembers, volunteers. */
    Map<String, Long> directory(Area area) {
        Map<String, Long> figures = new LinkedHashMap<>();
        Area.Condition org = area.on("region_code");
        jdbc.sql("select count(*) filter (where type = 'AGENCY'), count(*) filter (where type = 'STATION')"
                        + " from directory_organisation where status = 'ACTIVE' and " + org.sql())
                .params(org.params())
                .query(rs -> {
                    figures.put("agencies", rs.getLong(1));
                    figures.put("stations", rs.getLong(2));
                });
        jdbc.sql("select count(*), count(*) filter (where qualification <> 'NONE'), count(*) filter (where"
                        + " party_member) from directory_social_worker where " + org.sql())
                .params(org.params())
                .query(rs -> {
                    figures.put("socialWorkers", rs.getLong(1));
                    figures.put("qualified", rs.getLong(2));
                    figures.put("partyMembers", rs.getLong(3));
                });
        figures.put(
                "volunteers",
                jdbc.sql("select count(*) from directory_volunteer where status = 'APPROVED' and " + org.sql())
                        .params(org.params())
                        .query(Long.class)
                        .single());
        return figures;
    }

    /** Social workers by qualification (NONE, ASSISTANT, SOCIAL_WORKER, SENIOR). */
    List<Count> socialWorkersByQualification(Area area) {
        return counts("qualification", "directory_social_worker", "region_code", "true", area);
    }

    /** Residents on the register (live records) by category; one resident counts in each of their categories. */
    List<Count> residentsByCategory(Area area) {
        Area.Condition where = area.on("r.community_code");
        return jdbc.sql("select c.category, count(*) from residents_category c join residents_resident r on r.id ="
                        + " c.resident_id where r.voided_at is null and r.merged_into_id is null and " + where.sql()
                        + " group by c.category order by c.category")
                .params(where.params())
                .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** Live residents by risk level (UNASSESSED for those without one). */
    List<Count> residentsByRisk(Area area) {
        return counts(
                "coalesce(risk_level, 'UNASSESSED')",
                "residents_resident",
                "community_code",
                "voided_at is null and merged_into_id is null",
                area);
    }

    /** Requests received in the period by category, and by priority. */
    List<Count> requestsBy(String column, Area area, Instant from, Instant to) {
        Area.Condition where = area.on("region_code");
        return jdbc.sql("select " + ("priority".equals(column) ? "priority" : "category") + ", count(*) from"
                        + " requests_help_request where submitted_at >= :from and submitted_at < :to and "
                        + where.sql() + " group by 1 order by 1")
                .params(where.params())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** Of the requests received in the period whose first contact is due by now: contacted in time, late, not yet. */
    List<Count> firstContact(Area area, Instant from, Instant to, Instant now) {
        Area.Condition where = area.on("region_code");
        return jdbc.sql("select case when first_contact_at is null then 'OPEN' when first_contact_at <="
                        + " first_contact_due then 'MET' else 'LATE' end, count(*) from requests_help_request"
                        + " where submitted_at >= :from and submitted_at < :to and (first_contact_at is not null"
                        + " or first_contact_due < :now) and " + where.sql() + " group by 1 order by 1")
                .params(where.params())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** Verification tasks of all campaigns by outcome (PENDING for those not yet visited). */
    List<Count> verification(Area area) {
        return counts("coalesce(outcome, 'PENDING')", "residents_verification_task", "community_code", "true", area);
    }

    private List<Count> counts(String key, String table, String regionColumn, String filter, Area area) {
        Area.Condition where = area.on(regionColumn);
        return jdbc.sql("select " + key + " as k, count(*) from " + table + " where " + filter + " and " + where.sql()
                        + " group by k order by k")
                .params(where.params())
                .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2)))
                .list();
    }
}
