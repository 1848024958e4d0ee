package org.wushe.statistics.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures read from the daily roll-ups (never from the ledger itself): totals, by kind of service, by day and
 * by the next level of regions, for an area and a period of days.
 */
@Component
class LedgerFigures {

    private final JdbcClient jdbc;

    LedgerFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A sum of roll-up rows under one key: a kind of service, a day or a region code. */
    record Sum(String key, long records, long personTimes, BigDecimal hours) {}

    Sum total(Area area, LocalDate from, LocalDate to) {
        return sums(null, area, from, to).get(0);
    }

    List<Sum> byKind(Area area, LocalDate from, LocalDate to) {
        return sums("service_type", area, from, to);
    }

    List<Sum> byDay(Area area, LocalDate from, LocalDate to) {
        return sums("to_char(day, 'YYYY-MM-DD')", area, from, to);
    }

    /** By the regions one level below the area (their code prefixes, e.g. the 9 digits of a street). */
    List<Sum> byChild(Area area, LocalDate from, LocalDate to) {
        return sums("left(community_code, " + area.childDigits() + ")", area, from, to);
    }

    private List<Sum> sums(String key, Area area, LocalDate from, LocalDate to) {
        Area.Condition where = area.on("community_code");
        // without a key, one row of sums (zeros for no rows)
        return jdbc.sql("select " + (key == null ? "'total'" : key) + " as k, coalesce(sum(records), 0),"
                        + " coalesce(sum(person_times), 0), coalesce(sum(hours), 0) from statistics_daily_rollup"
                        + " where day between :from and :to and " + where.sql()
                        + (key == null ? "" : " group by k order by k"))
                .params(where.params())
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Sum(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list();
    }
}
