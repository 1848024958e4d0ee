package org.wushe.audit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.RegionCode;

/**
 * Test support: publishes activities the way a module does (in a transaction) and waits until the
 * asynchronous listener has appended them. Each test uses its own actor so tests never see each other's rows.
 */
@Component
public class AuditTestData {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    public AuditTestData(ApplicationEventPublisher events, TransactionTemplate transactions, JdbcClient jdbc) {
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public static String uniqueActor() {
        return "audit-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Activity activity(String actor, AuditAction action, String regionCode, Instant at) {
        return new Activity(
                at,
                actor,
                action,
                "resident",
                "r-" + at.getEpochSecond(),
                regionCode == null ? null : RegionCode.parse(regionCode),
                "10.0.0.7",
                "核实身份",
                List.of("phone"));
    }

    /** Publishes the activities in one transaction and waits for all of them to be in the trail. */
    public void record(List<Activity> activities) {
        transactions.executeWithoutResult(status -> activities.forEach(events::publishEvent));
        List<String> actors =
                activities.stream().map(Activity::actor).distinct().toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> rowsOf(actors) >= activities.size());
    }

    public long rowsOf(List<String> actors) {
        return jdbc.sql("select count(*) from audit_entry where actor = any(?)")
                .param(actors.toArray(String[]::new))
                .query(Long.class)
                .single();
    }
}
