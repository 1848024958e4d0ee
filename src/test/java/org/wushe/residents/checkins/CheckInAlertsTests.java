package org.wushe.residents.checkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.residents.ResidentTestData.A;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.region.Regions;
import org.wushe.residents.ResidentTestData;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.alerts.Alerts;
import org.wushe.residents.register.ResidentDraft;
import org.wushe.residents.register.Residents;
import org.wushe.shared.RegionCode;

/** Missed daily check-ins raise alerts on time, escalate later, and never twice — with a clock the test moves. */
@WusheIntegrationTest
class CheckInAlertsTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Staff COMMUNITY_A = Staff.as(Role.COMMUNITY_STAFF).in(A).named("community-a-check-in");
    static final Staff ADMIN = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("check-in-test-admin");
    static final AtomicInteger N = new AtomicInteger();

    @Autowired
    Residents residents;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Accounts accounts;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CheckInStore store;

    @Autowired
    Alerts alerts;

    @Autowired
    PlatformTransactionManager transactions;

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return SHANGHAI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void communities() {
        ResidentTestData.communities(regions);
    }

    CheckInAlerts job(Clock clock) {
        return new CheckInAlerts(jdbc, store, alerts, transactions, clock, Duration.ofHours(2));
    }

    long account(Role role, String region) {
        return ADMIN.call(() -> accounts.create(new NewAccount(
                        "ci" + role.name().toLowerCase().substring(0, 4) + System.nanoTime() % 10_000_000
                                + N.incrementAndGet(),
                        "测试",
                        null,
                        Set.of(role),
                        DataScope.of(List.of(RegionCode.parse(region))))))
                .accountId();
    }

    long enrolledResident(long gridWorker, LocalTime deadline) {
        ResidentDraft d = ResidentTestData.draft("独居老人" + N.incrementAndGet(), A, VulnerabilityCategory.ELDERLY_ALONE);
        ResidentDraft withGrid = new ResidentDraft(
                d.name(),
                d.idNumber(),
                d.phone(),
                d.registeredAddress(),
                d.residenceAddress(),
                d.communityCode(),
                d.building(),
                d.unit(),
                d.room(),
                null,
                null,
                null,
                null,
                null,
                null,
                gridWorker,
                null,
                "PUBLIC_HEALTH_EMERGENCY",
                null,
                d.categories());
        long rid = COMMUNITY_A.call(() -> residents.create(withGrid));
        COMMUNITY_A.call(() -> checkIns.enrol(rid, deadline, "王伯伯"));
        return rid;
    }

    long inbox(long account, String key, long rid, LocalDate day) {
        return jdbc.sql("select count(*) from notify_inbox where account_id = ? and message_key = ? and args[1] = ?"
                        + " and args[2] = ?")
                .params(account, key, Long.toString(rid), day.toString())
                .query(Long.class)
                .single();
    }

    @Test
    void aMissedCheckInAlertsTheGridWorkerAtTheDeadlineAndTheStationLater() {
        long grid = account(Role.COMMUNITY_STAFF, A);
        long station = account(Role.STATION_STAFF, A.substring(0, 9));
        long missing = enrolledResident(grid, LocalTime.of(9, 0));
        long fine = enrolledResident(grid, LocalTime.of(9, 0));
        LocalDate day = LocalDate.of(2030, 3, 1);
        store.checkIn(
                fine,
                day,
                CheckInStatus.WELL,
                ZonedDateTime.of(day, LocalTime.of(8, 30), SHANGHAI).toInstant(),
                "resident");
        TestClock clock = new TestClock(
                ZonedDateTime.of(day, LocalTime.of(8, 59), SHANGHAI).toInstant());
        CheckInAlerts job = job(clock);

        job.scan();
        assertThat(inbox(grid, "residents.alert.checkInMissed", missing, day)).isZero();

        clock.now = ZonedDateTime.of(day, LocalTime.of(9, 1), SHANGHAI).toInstant();
        job.scan();
        assertThat(inbox(grid, "residents.alert.checkInMissed", missing, day)).isOne();
        assertThat(inbox(grid, "residents.alert.checkInMissed", fine, day)).isZero();
        assertThat(inbox(station, "residents.alert.checkInEscalated", missing, day))
                .isZero();

        job.scan();
        assertThat(inbox(grid, "residents.alert.checkInMissed", missing, day))
                .as("not twice")
                .isOne();

        clock.now = ZonedDateTime.of(day, LocalTime.of(11, 0), SHANGHAI).toInstant();
        job.scan();
        assertThat(inbox(station, "residents.alert.checkInEscalated", missing, day))
                .isOne();
        assertThat(inbox(station, "residents.alert.checkInEscalated", fine, day))
                .isZero();

        // the next day starts afresh: a check-in before the deadline means no alert
        LocalDate next = day.plusDays(1);
        store.checkIn(
                missing,
                next,
                CheckInStatus.WELL,
                ZonedDateTime.of(next, LocalTime.of(7, 0), SHANGHAI).toInstant(),
                "resident");
        clock.now = ZonedDateTime.of(next, LocalTime.of(12, 0), SHANGHAI).toInstant();
        job.scan();
        assertThat(inbox(grid, "residents.alert.checkInMissed", missing, next)).isZero();
        assertThat(inbox(grid, "residents.alert.checkInMissed", fine, next)).isOne();
    }

    @Test
    void twoConcurrentRunsRaiseOneAlert() throws Exception {
        long grid = account(Role.COMMUNITY_STAFF, A);
        long rid = enrolledResident(grid, LocalTime.of(10, 0));
        LocalDate day = LocalDate.of(2030, 4, 1);
        TestClock clock = new TestClock(
                ZonedDateTime.of(day, LocalTime.of(10, 5), SHANGHAI).toInstant());
        CheckInAlerts nodeA = job(clock);
        CheckInAlerts nodeB = job(clock);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> a = pool.submit(() -> {
                    start.await();
                    return nodeA.scan();
                });
                Future<Integer> b = pool.submit(() -> {
                    start.await();
                    return nodeB.scan();
                });
                start.countDown();
                a.get();
                b.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(inbox(grid, "residents.alert.checkInMissed", rid, day)).isOne();
        assertThat(jdbc.sql("select count(*) from residents_checkin_alert where resident_id = ? and check_date = ?")
                        .params(rid, day)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void asksForHelpFromThePersonalLinkAlertAtOnce() {
        long grid = account(Role.COMMUNITY_STAFF, A);
        ResidentDraft d = ResidentTestData.draft("求助老人" + N.incrementAndGet(), A, VulnerabilityCategory.ELDERLY_ALONE);
        long rid = COMMUNITY_A.call(() -> residents.create(new ResidentDraft(
                d.name(),
                d.idNumber(),
                d.phone(),
                null,
                null,
                A,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                grid,
                null,
                "STATUTORY_DUTY",
                null,
                d.categories())));
        String token = COMMUNITY_A.call(() -> checkIns.enrol(rid, LocalTime.of(10, 0), "李阿姨"));
        assertThat(checkIns.view(token)).isPresent();
        assertThat(checkIns.view(token).get().addressAs()).isEqualTo("李阿姨");
        assertThat(checkIns.checkInByLink(token, CheckInStatus.NEEDS_HELP)).isTrue();
        assertThat(jdbc.sql("select count(*) from notify_inbox where account_id = ? and message_key = ?"
                                + " and args[1] = ?")
                        .params(grid, "residents.alert.checkInHelp", Long.toString(rid))
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(checkIns.checkInByLink("x".repeat(43), CheckInStatus.WELL)).isFalse();
        // a new link replaces the old one
        COMMUNITY_A.call(() -> checkIns.enrol(rid, LocalTime.of(10, 0), "李阿姨"));
        assertThat(checkIns.checkInByLink(token, CheckInStatus.WELL)).isFalse();
    }
}
