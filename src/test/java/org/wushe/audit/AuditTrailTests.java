package org.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wushe.audit.AuditTestData.activity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.platform.database.DatabaseOwner;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;

/** Appending through events, the refusing triggers, tamper detection and the data scope, on real PostgreSQL. */
@WusheIntegrationTest
class AuditTrailTests {

    private static final Instant T0 = Instant.parse("2026-11-29T00:30:05.123456789Z");

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditTestData data;

    String actor = AuditTestData.uniqueActor();

    @Test
    void publishedActivitiesAreAppendedToAValidChain() {
        data.record(List.of(
                activity(actor, AuditAction.CREATE, "310101", T0),
                activity(actor, AuditAction.UPDATE, "310101001", T0.plusSeconds(1)),
                activity(actor, AuditAction.REVEAL, null, T0.plusSeconds(2))));

        List<byte[][]> rows = jdbc.sql("select prev_hash, hash from audit_entry where actor = ? order by id")
                .param(actor)
                .query((rs, n) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)})
                .list();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)[0]).isEqualTo(rows.get(0)[1]);
        assertThat(rows.get(2)[0]).isEqualTo(rows.get(1)[1]);
        assertThat(jdbc.sql("select min(occurred_at) from audit_entry where actor = ?")
                        .param(actor)
                        .query(OffsetDateTime.class)
                        .single()
                        .toInstant())
                .isEqualTo(T0.truncatedTo(ChronoUnit.MICROS));
        assertThat(jdbc.sql("select fields from audit_entry where actor = ? limit 1")
                        .param(actor)
                        .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
                        .single())
                .containsExactly("phone");

        ChainVerification result = Staff.as(Role.AUDITOR).wholeCountry().call(audit::verify);
        assertThat(result.ok()).isTrue();
        assertThat(result.firstBrokenId()).isNull();
        assertThat(result.rowsChecked()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void awkwardTextIsStoredAsItWasHashed() {
        data.record(List.of(new Activity(
                T0,
                actor,
                AuditAction.UPDATE,
                "resident",
                "a\u0000b",
                null,
                "::1",
                "原因 😀 \uD800 '\"\\",
                List.of("名字", "", "a,b"))));
        assertThat(jdbc.sql("select entity_id || '|' || reason || '|' || array_to_string(fields, '/') from audit_entry"
                                + " where actor = ?")
                        .param(actor)
                        .query(String.class)
                        .single())
                .isEqualTo("a\uFFFDb|原因 😀 \uFFFD '\"\\|名字//a,b");
        assertThat(Staff.as(Role.AUDITOR).wholeCountry().call(audit::verify).ok())
                .isTrue();
    }

    @Test
    void theApplicationRoleMayNotChangeTheTableAndTheTriggersStopEvenTheOwner() {
        data.record(List.of(activity(actor, AuditAction.CREATE, "310101", T0)));
        for (String change : List.of(
                "update audit_entry set reason = 'x' where actor = '" + actor + "'",
                "delete from audit_entry where actor = '" + actor + "'",
                "truncate audit_entry")) {
            assertThatThrownBy(() -> jdbc.sql(change).update())
                    .as(change)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("permission denied for table audit_entry");
        }
        JdbcClient owner = DatabaseOwner.jdbc(context);
        assertThatThrownBy(() -> owner.sql("update audit_entry set reason = 'x' where actor = ?")
                        .param(actor)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("audit_entry is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> owner.sql("delete from audit_entry where actor = ?")
                        .param(actor)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("audit_entry is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> owner.sql("truncate audit_entry").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("audit_entry is append-only: TRUNCATE is not allowed");
        assertThat(data.rowsOf(List.of(actor))).isOne();
    }

    @Test
    void anEditedRowIsNamedAndTheEditIsUndone() {
        data.record(List.of(
                activity(actor, AuditAction.CREATE, "310101", T0),
                activity(actor, AuditAction.UPDATE, "310101", T0.plusSeconds(1))));
        long edited = firstIdOf(actor);

        ChainVerification result = tamperedAndRolledBack("update audit_entry set reason = '无' where id = " + edited);

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(edited);
        assertThat(result.reason()).isEqualTo(ChainVerification.HASH_MISMATCH);
        assertThat(Staff.as(Role.CIVIL_AFFAIRS_ADMIN).call(audit::verify).ok()).isTrue();
    }

    @Test
    void aRemovedRowBreaksTheLinkOfTheNext() {
        data.record(List.of(
                activity(actor, AuditAction.CREATE, "310101", T0),
                activity(actor, AuditAction.UPDATE, "310101", T0.plusSeconds(1))));
        long removed = firstIdOf(actor);
        long next = jdbc.sql("select min(id) from audit_entry where id > ?")
                .param(removed)
                .query(Long.class)
                .single();

        ChainVerification result = tamperedAndRolledBack("delete from audit_entry where id = " + removed);

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(next);
        assertThat(result.reason()).isEqualTo(ChainVerification.LINK_BROKEN);
    }

    @Test
    void aScopedAuditorSeesOnlyTheirRegionAndTheWholeCountrySeesAll() {
        data.record(List.of(
                activity(actor, AuditAction.CREATE, "310101", T0),
                activity(actor, AuditAction.UPDATE, "310101001", T0.plusSeconds(1)),
                activity(actor, AuditAction.UPDATE, "310104", T0.plusSeconds(2)),
                activity(actor, AuditAction.LOGIN, null, T0.plusSeconds(3))));
        AuditQuery mine = new AuditQuery(actor, null, null, null, null, null);

        AuditPage scoped = Staff.as(Role.AUDITOR).in("310101").call(() -> audit.search(mine, 1, 20));
        assertThat(scoped.entries()).extracting(AuditEntry::regionCode).containsExactly("310101001", "310101");
        assertThat(scoped.total()).isEqualTo(2);

        AuditPage all = Staff.as(Role.AUDITOR).wholeCountry().call(() -> audit.search(mine, 1, 20));
        assertThat(all.entries())
                .extracting(AuditEntry::regionCode)
                .containsExactly(null, "310104", "310101001", "310101");

        AuditPage none = Staff.as(Role.AUDITOR).in("110101").call(() -> audit.search(mine, 1, 20));
        assertThat(none.entries()).isEmpty();
    }

    @Test
    void filtersCombineAndPagesAreClampedToTheLast() {
        Instant t0 = T0.truncatedTo(ChronoUnit.SECONDS);
        data.record(List.of(
                activity(actor, AuditAction.CREATE, "310101", t0),
                activity(actor, AuditAction.UPDATE, "310101", t0.plusSeconds(60)),
                activity(actor, AuditAction.UPDATE, "310101", t0.plusSeconds(120))));
        AuditQuery updatesBeforeTheLast =
                new AuditQuery(actor, "resident", null, AuditAction.UPDATE, t0, t0.plusSeconds(120));
        AuditPage page = Staff.as(Role.AUDITOR).wholeCountry().call(() -> audit.search(updatesBeforeTheLast, 9, 10));
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.entries())
                .singleElement()
                .extracting(AuditEntry::action)
                .isEqualTo(AuditAction.UPDATE);
    }

    @Test
    void onlyAuditorsSearchAndOnlyAuditorsOrAdminsVerify() {
        assertThatThrownBy(() -> Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                        .wholeCountry()
                        .call(() -> audit.search(AuditQuery.all(), 1, 20)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Staff.as(Role.STATION_STAFF).in("310101").call(audit::verify))
                .isInstanceOf(AccessDeniedException.class);
    }

    private long firstIdOf(String actor) {
        return jdbc.sql("select min(id) from audit_entry where actor = ?")
                .param(actor)
                .query(Long.class)
                .single();
    }

    /**
     * Edits the trail as only the table owner can (triggers off), verifies inside the same transaction and rolls
     * it all back, so the chain other tests see stays intact.
     */
    private ChainVerification tamperedAndRolledBack(String edit) {
        return DatabaseOwner.inRolledBackTransaction(context, () -> {
            jdbc.sql("alter table audit_entry disable trigger user").update();
            jdbc.sql(edit).update();
            jdbc.sql("alter table audit_entry enable trigger user").update();
            return Staff.as(Role.AUDITOR).wholeCountry().call(audit::verify);
        });
    }
}
