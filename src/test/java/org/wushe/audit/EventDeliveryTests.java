package org.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.wushe.audit.AuditTestData.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.shared.AuditAction;

/**
 * How an activity reaches the chain: in the publisher's transaction (so a rolled-back change leaves no audit
 * row and a committed one cannot lose it), then chained in batches by one writer.
 */
@WusheIntegrationTest
class EventDeliveryTests {

    @Autowired
    AuditTestData data;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aRolledBackChangeLeavesNoAuditRow() {
        String actor = AuditTestData.uniqueActor();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    events.publishEvent(activity(actor, AuditAction.UPDATE, "310104", Instant.now()));
                    throw new IllegalStateException("the change fails after its activity was published");
                }))
                .isInstanceOf(IllegalStateException.class);
        data.record(List.of(activity(actor + "-after", AuditAction.UPDATE, "310104", Instant.now())));
        assertThat(rows("audit_pending", actor) + rows("audit_entry", actor)).isZero();
    }

    @Test
    void activitiesOutsideATransactionAndInAReadOnlyOneAreKept() {
        String actor = AuditTestData.uniqueActor();
        events.publishEvent(activity(actor, AuditAction.VIEW_SENSITIVE, "310104", Instant.now()));
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> {
            jdbc.sql("select 1").query(Integer.class).single();
            events.publishEvent(activity(actor, AuditAction.REVEAL, "310104", Instant.now()));
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("audit_entry", actor) == 2);
        assertThat(jdbc.sql("select count(*) from event_publication")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void concurrentPublishersAllLandOnOneIntactChain() throws Exception {
        String actor = AuditTestData.uniqueActor();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        transactions.executeWithoutResult(status ->
                                events.publishEvent(activity(actor, AuditAction.CREATE, "310101", Instant.now())));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("audit_entry", actor) == 1_200);
        assertThat(rows("audit_pending", actor)).isZero();
        assertThat(Staff.as(Role.AUDITOR).wholeCountry().call(audit::verify).ok())
                .isTrue();
    }

    @Test
    void rowsLeftPendingByAStoppedNodeAreChainedWithoutAWakeUp() {
        String actor = AuditTestData.uniqueActor();
        jdbc.sql("insert into audit_pending (occurred_at, actor, action, entity_type, region_code, fields)"
                        + " values (now(), ?, 'UPDATE', 'resident', '310104', '{phone}')")
                .param(actor)
                .update();
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("audit_entry", actor) == 1);
        assertThat(rows("audit_pending", actor)).isZero();
    }

    private long rows(String table, String actor) {
        return jdbc.sql("select count(*) from " + table + " where actor = ?")
                .param(actor)
                .query(Long.class)
                .single();
    }
}
