package org.wushe.requests.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.Accounts;
import org.wushe.access.Role;
import org.wushe.notify.StaffInbox;
import org.wushe.requests.TrackingCodes;
import org.wushe.requests.casework.HelpRequestCases;
import org.wushe.shared.RegionCode;

/**
 * The escalation job, safe with several application nodes: each run takes a transaction-level advisory lock
 * (a second node skips the run), and each step is a row of {@code requests_escalation} inserted with
 * {@code on conflict do nothing}, so a request is never escalated twice to the same level. A request whose
 * first-contact or resolution deadline passed goes to level 1 — the station staff covering its community are
 * told in-app; still open {@code wushe.requests.district-after} later, level 2 — the civil-affairs admins
 * covering it. The same run confirms resolved requests the resident left unconfirmed for
 * {@code wushe.requests.auto-confirm-after}.
 */
@Service
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    /** Arbitrary but fixed: the advisory-lock key of this job across all nodes. */
    static final long LOCK_KEY = 0x5753_5245_5145_5343L;

    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final HelpRequestCases cases;
    private final Accounts accounts;
    private final StaffInbox inbox;
    private final Clock clock;
    private final Duration districtAfter;
    private final Duration autoConfirmAfter;

    Escalations(
            JdbcClient jdbc,
            HelpRequestCases cases,
            Accounts accounts,
            StaffInbox inbox,
            Clock clock,
            @Value("${wushe.requests.district-after:PT1H}") Duration districtAfter,
            @Value("${wushe.requests.auto-confirm-after:P3D}") Duration autoConfirmAfter) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.accounts = accounts;
        this.inbox = inbox;
        this.clock = clock;
        this.districtAfter = districtAfter;
        this.autoConfirmAfter = autoConfirmAfter;
    }

    /** A run at the clock's time; called by {@link EscalationJob} through this bean's transactional proxy. */
    @Transactional
    public int runNow() {
        return run(clock.instant());
    }

    /** One run at {@code now} (tests pass a later instant to act as a moved clock); returns the steps taken. */
    @Transactional
    public int run(Instant now) {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK_KEY)
                .query(Boolean.class)
                .single()) {
            return 0;
        }
        Timestamp at = Timestamp.from(now);
        int steps = 0;
        List<Due> first =
                jdbc.sql("""
                select id, tracking_code, region_code from requests_help_request
                where status not in ('RESOLVED', 'CLOSED', 'CANCELLED') and escalation_level = 0
                  and ((first_contact_at is null and first_contact_due < ?) or resolution_due < ?)
                order by first_contact_due limit ?""").params(at, at, BATCH).query(Escalations::due).list();
        for (Due d : first) {
            steps += step(d, 1, Role.STATION_STAFF, now);
        }
        List<Due> second = jdbc.sql("""
                select id, tracking_code, region_code from requests_help_request
                where status not in ('RESOLVED', 'CLOSED', 'CANCELLED') and escalation_level = 1 and escalated_at < ?
                order by escalated_at limit ?""")
                .params(Timestamp.from(now.minus(districtAfter)), BATCH)
                .query(Escalations::due)
                .list();
        for (Due d : second) {
            steps += step(d, 2, Role.CIVIL_AFFAIRS_ADMIN, now);
        }
        List<Long> unconfirmed = jdbc.sql("""
                select id from requests_help_request where status in ('RESOLVED', 'CLOSED') and confirmed_at is null
                  and resolved_at < ? order by resolved_at limit ?""")
                .params(Timestamp.from(now.minus(autoConfirmAfter)), BATCH)
                .query(Long.class)
                .list();
        for (long id : unconfirmed) {
            if (cases.autoConfirm(id, now)) {
                steps++;
            }
        }
        if (steps > 0) {
            log.info("Help-request escalation: {} steps", steps);
        }
        return steps;
    }

    private int step(Due d, int level, Role role, Instant now) {
        if (jdbc.sql("insert into requests_escalation (request_id, level, at) values (?, ?, ?) on conflict do nothing")
                        .params(d.id(), level, Timestamp.from(now))
                        .update()
                == 0) {
            return 0;
        }
        jdbc.sql("""
                update requests_help_request set escalation_level = ?, escalated_at = ?,
                    overdue_since = coalesce(overdue_since, ?) where id = ?""")
                .params(level, Timestamp.from(now), Timestamp.from(now), d.id())
                .update();
        cases.escalated(d.id(), level, now);
        inbox.post(
                accounts.holdersCovering(role, d.regionCode()),
                "requests.inbox.overdue",
                List.of(TrackingCodes.display(d.trackingCode()), Integer.toString(level)),
                "/requests/" + d.id());
        return 1;
    }

    private record Due(long id, String trackingCode, RegionCode regionCode) {}

    private static Due due(ResultSet rs, int n) throws SQLException {
        return new Due(rs.getLong(1), rs.getString(2), RegionCode.parse(rs.getString(3)));
    }
}
