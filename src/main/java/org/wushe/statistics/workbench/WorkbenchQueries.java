package org.wushe.statistics.workbench;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;

/**
 * The workbench's counts, each one query on the owning module's table within the caller's scope (statistics alone
 * may read them). Each condition is the one the linked list applies, copied here because those lists keep their SQL
 * package-private; {@code WorkbenchTests} holds every count equal to the total its list shows, so they cannot drift.
 */
@Repository
class WorkbenchQueries {

    /** As {@code requests.worklist.WorklistQueries.OPEN} and {@code OVERDUE}. */
    static final String OPEN = "status not in ('RESOLVED', 'CLOSED', 'CANCELLED')";

    static final String OVERDUE = "(" + OPEN + " and ((first_contact_at is null and first_contact_due < :now)"
            + " or resolution_due < :now))";

    /** As {@code residents.visits.VisitStore}'s due dates from {@code VisitPlan} (HIGH 1 / 7 days, MEDIUM 7, else 30). */
    private static final String VISIT_OVERDUE = "voided_at is null and (coalesce(last_visit_at, created_at)"
            + " + (case risk_level when 'HIGH' then 1 when 'MEDIUM' then 7 else 30 end) * interval '1 day' < :now"
            + " or (risk_level = 'HIGH' and coalesce(last_home_visit_at, created_at) + 7 * interval '1 day' < :now))";

    private final JdbcClient jdbc;

    WorkbenchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open requests of the scope: all of them, those of priority P1, and the overdue ones. */
    Requests requests(DataScope scope, Instant now) {
        var in = scope.regionPredicate("region_code");
        return requests(in.sql(), in.params(), now);
    }

    /** The same for the requests handed to one account (social worker or volunteer): "my requests". */
    Requests mine(long accountId, Instant now) {
        return requests(
                "(worker_account_id = :me or volunteer_account_id = :me)", java.util.Map.of("me", accountId), now);
    }

    private Requests requests(String where, java.util.Map<String, ?> params, Instant now) {
        // one pass over the open requests of the scope (partial index on open requests by region)
        return jdbc.sql("select count(*), count(*) filter (where priority = 'P1'), count(*) filter (where " + OVERDUE
                        + ") from requests_help_request where " + OPEN + " and " + where)
                .params(params)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Requests(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    record Requests(long open, long p1, long overdue) {}

    long openVerificationTasks(DataScope scope) {
        var in = scope.regionPredicate("community_code");
        return jdbc.sql("select count(*) from residents_verification_task where outcome is null and " + in.sql())
                .params(in.params())
                .query(Long.class)
                .single();
    }

    long overdueVisits(DataScope scope, Instant now) {
        var in = scope.regionPredicate("community_code");
        return jdbc.sql("select count(*) from residents_resident where " + VISIT_OVERDUE + " and " + in.sql())
                .params(in.params())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    long missedCheckIns(DataScope scope, LocalDate day) {
        var in = scope.regionPredicate("community_code");
        return jdbc.sql("select count(*) from residents_checkin_alert where check_date = :day and level = 'MISSED'"
                        + " and " + in.sql())
                .params(in.params())
                .param("day", day)
                .query(Long.class)
                .single();
    }

    long unreadNotices(long accountId) {
        return jdbc.sql("select count(*) from notify_inbox where account_id = ? and read_at is null")
                .param(accountId)
                .query(Long.class)
                .single();
    }

    /** The streets (9-digit codes) of the scope with the most overdue requests, most first. */
    List<StreetCount> streetsByOverdue(DataScope scope, Instant now, int limit) {
        var in = scope.regionPredicate("region_code");
        return jdbc.sql("select left(region_code, 9), count(*) from requests_help_request where " + OVERDUE
                        + " and length(region_code) >= 9 and " + in.sql()
                        + " group by 1 order by 2 desc, 1 limit :limit")
                .params(in.params())
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> new StreetCount(rs.getString(1), rs.getLong(2)))
                .list();
    }

    record StreetCount(String code, long count) {}
}
