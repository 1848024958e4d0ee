package org.wushe.residents.checkins;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.Role;
import org.wushe.platform.ChinaTime;
import org.wushe.residents.alerts.Alerts;
import org.wushe.shared.RegionCode;

/**
 * Raises the alerts of missed daily check-ins: when a resident's deadline (Asia/Shanghai) passes without a
 * check-in that day, the grid worker is told (or, with none assigned, the community staff covering the
 * community); when a further {@code escalate-after} passes still without one, the station staff covering it.
 *
 * <p>Cluster-safe without a scheduler library: each alert is first inserted into residents_checkin_alert, whose
 * primary key (resident, day, level) admits it once; only the transaction whose insert succeeded notifies. A
 * second node running the same scan concurrently waits on that key and then inserts nothing.
 */
@Component
class CheckInAlerts {

    private final JdbcClient jdbc;
    private final CheckInStore store;
    private final Alerts alerts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration escalateAfter;

    CheckInAlerts(
            JdbcClient jdbc,
            CheckInStore store,
            Alerts alerts,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${wushe.residents.check-in.escalate-after:PT2H}") Duration escalateAfter) {
        this.jdbc = jdbc;
        this.store = store;
        this.alerts = alerts;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.escalateAfter = escalateAfter;
    }

    /** One scan of today's deadlines; returns how many alerts this call raised. */
    public int scan() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
        Integer raised = transactions.execute(status -> {
            int n = 0;
            for (Due d : due(today, now, Duration.ZERO, null)) {
                if (store.alertOnce(d.residentId(), today, "MISSED", d.community(), now)) {
                    Set<Long> to = d.gridWorker() != null
                            ? Set.of(d.gridWorker())
                            : alerts.covering(d.community(), Role.COMMUNITY_STAFF);
                    alerts.raise(
                            to,
                            "residents.alert.checkInMissed",
                            List.of(Long.toString(d.residentId()), today.toString()),
                            link(d),
                            d.residentId(),
                            d.community(),
                            "system",
                            "checkInMissed");
                    n++;
                }
            }
            for (Due d : due(today, now, escalateAfter, "MISSED")) {
                if (store.alertOnce(d.residentId(), today, "ESCALATED", d.community(), now)) {
                    alerts.raise(
                            alerts.covering(d.community(), Role.STATION_STAFF),
                            "residents.alert.checkInEscalated",
                            List.of(Long.toString(d.residentId()), today.toString()),
                            link(d),
                            d.residentId(),
                            d.community(),
                            "system",
                            "checkInEscalated");
                    n++;
                }
            }
            return n;
        });
        return raised == null ? 0 : raised;
    }

    private static String link(Due d) {
        return "/residents/" + d.residentId() + "/check-in";
    }

    private record Due(long residentId, RegionCode community, Long gridWorker) {}

    /**
     * Active enrolments of live residents whose deadline today plus {@code after} has passed, enrolled before that
     * deadline, with no check-in today (and, for escalation, already alerted at {@code previousLevel}).
     */
    private List<Due> due(LocalDate today, Instant now, Duration after, String previousLevel) {
        String previous = previousLevel == null ? "" : """
                and exists (select 1 from residents_checkin_alert a where a.resident_id = e.resident_id
                    and a.check_date = :today and a.level = :previous)""";
        var sql = jdbc.sql("""
                select e.resident_id, e.community_code, r.grid_worker_account_id
                from residents_checkin_enrolment e join residents_resident r on r.id = e.resident_id
                where e.active and r.voided_at is null
                  and ((:today + e.deadline) at time zone 'Asia/Shanghai') + :after * interval '1 second' <= :now
                  and e.enrolled_at < ((:today + e.deadline) at time zone 'Asia/Shanghai')
                  and not exists (select 1 from residents_checkin c where c.resident_id = e.resident_id
                      and c.check_date = :today)
                """ + previous + " order by e.resident_id")
                .param("today", today)
                .param("after", after.toSeconds())
                .param("now", Timestamp.from(now));
        if (previousLevel != null) {
            sql = sql.param("previous", previousLevel);
        }
        return sql.query((rs, n) ->
                        new Due(rs.getLong(1), RegionCode.parse(rs.getString(2)), rs.getObject(3, Long.class)))
                .list();
    }
}
