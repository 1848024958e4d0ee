package org.wushe.statistics.reports;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.statistics.dashboard.Area;

/**
 * A report's figures by row, counted in SQL within the area (so nothing outside the caller's scope reaches a row or
 * the total). A row is the first {@code digits} of a region code (the district, street or community); a code shorter
 * than that (an organisation registered at the district itself) is a row of its own. Each row maps the names of
 * {@link ReportColumns} to numbers; a figure with no rows behind it is absent (the workbook writes 0).
 */
@Component
class ReportFigures {

    private final JdbcClient jdbc;

    ReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Map<String, Number>> count(Area area, int digits, ReportPeriod period, Instant now) {
        Map<String, Map<String, Number>> rows = new TreeMap<>();
        directory(rows, area, digits);
        services(rows, area, digits, period);
        requests(rows, area, digits, period, now);
        return rows;
    }

    /** Live, as of now: the directory keeps no history of who was registered on a past day. */
    private void directory(Map<String, Map<String, Number>> rows, Area area, int digits) {
        Area.Condition where = area.on("region_code");
        String key = "left(region_code, " + digits + ")";
        jdbc.sql("select " + key + ", type, count(*) from directory_organisation where status = 'ACTIVE' and "
                        + where.sql() + " group by 1, 2")
                .params(where.params())
                .query(rs -> {
                    put(rows, rs.getString(1), ReportColumns.ORGANISATIONS + rs.getString(2), rs.getLong(3));
                    add(rows, rs.getString(1), ReportColumns.ORGANISATIONS_ALL, rs.getLong(3));
                });
        jdbc.sql("select " + key + ", count(*), count(*) filter (where qualification <> 'NONE')"
                        + " from directory_social_worker where " + where.sql() + " group by 1")
                .params(where.params())
                .query(rs -> {
                    put(rows, rs.getString(1), ReportColumns.SOCIAL_WORKERS, rs.getLong(2));
                    put(rows, rs.getString(1), ReportColumns.QUALIFIED, rs.getLong(3));
                });
        jdbc.sql("select " + key + ", count(*) from directory_volunteer where status = 'APPROVED' and " + where.sql()
                        + " group by 1")
                .params(where.params())
                .query(rs -> {
                    put(rows, rs.getString(1), ReportColumns.VOLUNTEERS, rs.getLong(2));
                });
    }

    /** From the daily roll-ups only, never the ledger: a month of a city is a few thousand rows. */
    private void services(Map<String, Map<String, Number>> rows, Area area, int digits, ReportPeriod period) {
        Area.Condition where = area.on("community_code");
        jdbc.sql("select left(community_code, " + digits + "), service_type, sum(records), sum(person_times),"
                        + " sum(hours) from statistics_daily_rollup where day between :from and :to and "
                        + where.sql() + " group by 1, 2")
                .params(where.params())
                .param("from", period.from())
                .param("to", period.to())
                .query(rs -> {
                    String row = rs.getString(1);
                    put(rows, row, ReportColumns.SERVICE + rs.getString(2), rs.getLong(4));
                    add(rows, row, ReportColumns.RECORDS, rs.getLong(3));
                    add(rows, row, ReportColumns.PERSON_TIMES, rs.getLong(4));
                    add(rows, row, ReportColumns.HOURS, rs.getBigDecimal(5));
                });
    }

    /**
     * Received: submitted in the period. Resolved: resolved in it (closing follows resolving). Overdue: a deadline
     * that fell in the period (and has passed) was not met by it — first contact not made, or not resolved, by its
     * due time; a request counts once however many of its deadlines passed. Cancelled requests owe nothing.
     */
    private void requests(
            Map<String, Map<String, Number>> rows, Area area, int digits, ReportPeriod period, Instant now) {
        Area.Condition where = area.on("region_code");
        Instant end = period.end().isBefore(now) ? period.end() : now;
        jdbc.sql("select left(region_code, " + digits + "),"
                        + " count(*) filter (where submitted_at >= :from and submitted_at < :to),"
                        + " count(*) filter (where resolved_at >= :from and resolved_at < :to),"
                        + " count(*) filter (where status <> 'CANCELLED' and ("
                        + "(first_contact_due >= :from and first_contact_due < :due_end"
                        + " and (first_contact_at is null or first_contact_at > first_contact_due))"
                        + " or (resolution_due >= :from and resolution_due < :due_end"
                        + " and (resolved_at is null or resolved_at > resolution_due))))"
                        + " from requests_help_request where " + where.sql()
                        + " and ((submitted_at >= :from and submitted_at < :to)"
                        + " or (resolved_at >= :from and resolved_at < :to)"
                        + " or (first_contact_due >= :from and first_contact_due < :due_end)"
                        + " or (resolution_due >= :from and resolution_due < :due_end)) group by 1")
                .params(where.params())
                .param("from", Timestamp.from(period.start()))
                .param("to", Timestamp.from(period.end()))
                .param("due_end", Timestamp.from(end))
                .query(rs -> {
                    put(rows, rs.getString(1), ReportColumns.RECEIVED, rs.getLong(2));
                    put(rows, rs.getString(1), ReportColumns.RESOLVED, rs.getLong(3));
                    put(rows, rs.getString(1), ReportColumns.OVERDUE, rs.getLong(4));
                });
    }

    private static void put(Map<String, Map<String, Number>> rows, String row, String column, Number value) {
        rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value);
    }

    private static void add(Map<String, Map<String, Number>> rows, String row, String column, Number value) {
        rows.computeIfAbsent(row, r -> new TreeMap<>()).merge(column, value, ReportFigures::sum);
    }

    static Number sum(Number a, Number b) {
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            return new BigDecimal(a.toString()).add(new BigDecimal(b.toString()));
        }
        return a.longValue() + b.longValue();
    }
}
