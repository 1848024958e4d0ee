package org.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheIntegrationTest;
import org.wushe.shared.AuditAction;

/** An activity goes through the publication registry to the trail, and the registry keeps no completed rows. */
@WusheIntegrationTest
class EventDeliveryTests {

    @Autowired
    AuditTestData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeliveredActivityLeavesNoPublicationBehind() {
        String actor = AuditTestData.uniqueActor();
        data.record(List.of(AuditTestData.activity(actor, AuditAction.UPDATE, "310104", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from event_publication where serialized_event like ?")
                .param("%" + actor + "%").query(Long.class).single()).isZero());
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is not null")
                .query(Long.class).single()).isZero();
    }
}
