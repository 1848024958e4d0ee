package org.wushe.statistics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.requests.RequestTestData.TIANPING;
import static org.wushe.requests.RequestTestData.phone;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.OrgType;
import org.wushe.directory.organisations.Organisations;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.platform.ChinaTime;
import org.wushe.requests.HelpRequestClosed;
import org.wushe.requests.HelpRequestId;
import org.wushe.requests.RequestFixtures;
import org.wushe.requests.RequestTestData;
import org.wushe.requests.ServiceType;
import org.wushe.requests.casework.CaseworkFixtures;
import org.wushe.requests.casework.HelpRequestCases;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Submission;
import org.wushe.shared.RegionCode;

/**
 * The ledger fed by events: a closed request counted by service type, exactly once, also when its listener dies
 * mid-way and the publication is delivered again; the roll-ups rebuilt from the ledger give the same figures.
 */
@WusheIntegrationTest
class LedgerTests {

    static final Staff STATION = Staff.as(Role.STATION_STAFF).in(TIANPING).named("tianping-ledger");

    @Autowired
    HelpRequests requests;

    @Autowired
    HelpRequestCases cases;

    @Autowired
    Organisations organisations;

    @Autowired
    SocialWorkers workers;

    @Autowired
    LedgerListeners listeners;

    @Autowired
    RollupRebuild rebuild;

    @Autowired
    IncompleteEventPublications publications;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ThreadPoolTaskExecutor executor;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClosedRequestIsCountedOnceByServiceTypeAndByWhoDeliveredIt() {
        String phone = phone();
        long station = RequestFixtures.organisation(
                organisations, OrgType.STATION, "天平路社工站" + phone.substring(7), "310104003");
        long worker = RequestFixtures.socialWorker(workers, "赵统计" + phone.substring(7), TIANPING, "ELDERLY");
        Submission s = RequestTestData.recordCall(requests, STATION, "FOOD_SUPPLIES", Map.of(), "NORMAL", phone);
        long before = rollupPersonTimes(TIANPING, "MATERIAL_SUPPORT", "STATION");

        CaseworkFixtures.close(
                cases,
                STATION,
                s.id(),
                station,
                worker,
                List.of(ServiceType.MATERIAL_SUPPORT, ServiceType.EMOTIONAL_SUPPORT),
                3);
        awaitListeners();

        assertThat(jdbc.sql("select service_type, person_times, organisation_id, organisation_kind, social_worker_id"
                                + " from statistics_service_ledger where source = 'HELP_REQUEST' and source_key = ?"
                                + " order by service_type")
                        .param(Long.toString(s.id()))
                        .query((rs, n) ->
                                List.of(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getLong(5)))
                        .list())
                .as("one row per service type; the 3 person-times split 2 + 1 (the first type, in the request's"
                        + " order of the types, takes the remainder), so they add up to the request's")
                .containsExactly(
                        List.of("EMOTIONAL_SUPPORT", 2, station, "STATION", worker),
                        List.of("MATERIAL_SUPPORT", 1, station, "STATION", worker));
        assertThat(rollupPersonTimes(TIANPING, "MATERIAL_SUPPORT", "STATION") - before)
                .as("the roll-up moved with the ledger, in the same transaction")
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null"
                                + " and serialized_event like ?")
                        .param("%\"value\":" + s.id() + "}%")
                        .query(Long.class)
                        .single())
                .as("the publication was completed")
                .isZero();
    }

    @Test
    void aListenerThatDiesMidWayLosesNothingAndADeliveryTwiceCountsOnce() {
        String community = "310104003" + String.format("%03d", 900 + (int) (System.nanoTime() % 99));
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        HelpRequestClosed event = new HelpRequestClosed(
                new HelpRequestId(System.nanoTime()),
                RegionCode.parse(community),
                null,
                List.of(ServiceType.HEALTH_CARE),
                4,
                null,
                null,
                null,
                Instant.now());
        // poison the day's roll-up row: adding to it overflows, after the ledger row was written
        jdbc.sql("delete from statistics_daily_rollup where community_code = ?")
                .param(community)
                .update();
        jdbc.sql("insert into statistics_daily_rollup values (?, ?, 'HEALTH_CARE', 'NONE', 1, 9223372036854775807, 0)")
                .params(today, community)
                .update();

        transaction.executeWithoutResult(status -> events.publishEvent(event));
        awaitListeners();

        assertThat(ledgerRows(community))
                .as("the listener's transaction was rolled back whole")
                .isZero();
        assertThat(incomplete(event))
                .as("its publication waits to be delivered again")
                .isOne();

        // "restart": what killed it is gone, the outstanding publication is delivered again
        jdbc.sql("delete from statistics_daily_rollup where community_code = ?")
                .param(community)
                .update();
        publications.resubmitIncompletePublications(p -> p.getEvent().equals(event));
        awaitListeners();

        assertThat(ledgerRows(community)).isOne();
        assertThat(rollupPersonTimes(community, "HEALTH_CARE", "NONE")).isEqualTo(4);
        assertThat(incomplete(event)).isZero();

        // a node that died after its commit but before marking the publication complete delivers it once more
        listeners.on(event);
        awaitListeners();
        assertThat(ledgerRows(community)).isOne();
        assertThat(rollupPersonTimes(community, "HEALTH_CARE", "NONE"))
                .as("counted once")
                .isEqualTo(4);
    }

    @Test
    void theRebuiltRollUpsGiveIdenticalFigures() {
        String community = "310104003" + String.format("%03d", 800 + (int) (System.nanoTime() % 99));
        for (int i = 1; i <= 3; i++) {
            HelpRequestClosed event = new HelpRequestClosed(
                    new HelpRequestId(System.nanoTime()),
                    RegionCode.parse(community),
                    null,
                    List.of(ServiceType.values()[i], ServiceType.HARDSHIP_RELIEF),
                    i * 3,
                    null,
                    null,
                    null,
                    Instant.now().minusSeconds(86_400L * i));
            listeners.on(event);
        }
        awaitListeners();
        List<List<Object>> before = rollups(community);

        long written = rebuild.rebuild();

        // other tests write roll-up rows of their own without a ledger behind them: compare what the ledger holds
        assertThat(written)
                .isEqualTo(jdbc.sql("select count(*) from (select distinct day, community_code, service_type,"
                                + " organisation_kind from statistics_service_ledger) g")
                        .query(Long.class)
                        .single());
        assertThat(before).as("3 requests of 2 kinds each, on 3 days").hasSize(6);
        assertThat(rollups(community)).isEqualTo(before);
    }

    /** The listeners run on the task executor after the publisher's commit: wait until it has nothing to do. */
    private void awaitListeners() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> executor.getActiveCount() == 0
                        && executor.getThreadPoolExecutor().getQueue().isEmpty());
    }

    private List<List<Object>> rollups(String community) {
        return jdbc.sql("select day, community_code, service_type, organisation_kind, records, person_times, hours"
                        + " from statistics_daily_rollup where community_code = ? order by 1, 2, 3, 4")
                .param(community)
                .query((rs, n) -> List.<Object>of(
                        rs.getObject(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getBigDecimal(7)))
                .list();
    }

    private long ledgerRows(String community) {
        return jdbc.sql("select count(*) from statistics_service_ledger where community_code = ?")
                .param(community)
                .query(Long.class)
                .single();
    }

    private long incomplete(HelpRequestClosed event) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and serialized_event like ?")
                .param("%\"value\":" + event.id().value() + "}%")
                .query(Long.class)
                .single();
    }

    private long rollupPersonTimes(String community, String kind, String organisationKind) {
        return jdbc.sql("select coalesce(sum(person_times), 0) from statistics_daily_rollup where community_code = ?"
                        + " and service_type = ? and organisation_kind = ?")
                .params(community, kind, organisationKind)
                .query(Long.class)
                .single();
    }
}
