package org.wushe.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wushe.audit.AuditTestData.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.audit.AuditTestData;
import org.wushe.audit.ChainVerification;
import org.wushe.audit.ChainVerification.IdRange;
import org.wushe.platform.database.DatabaseOwner;
import org.wushe.shared.AuditAction;

/**
 * The attacks of issue 13 on the chain and its anchors: each is made as the table owner (triggers disabled)
 * inside a transaction that is rolled back, so the chain other tests see stays intact.
 */
@WusheIntegrationTest
class ChainForgeryTests {

    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");

    @Autowired
    ChainVerifier verifier;

    @Autowired
    ChainAppender appender;

    @Autowired
    AuditTestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ChainHash hashes;

    @Autowired
    AnchorFile anchorFile;

    @Autowired
    MockMvcTester mvc;

    String actor = AuditTestData.uniqueActor();

    @Test
    void changingARowAndRecomputingEveryFollowingHashWithPlainSm3IsDetected() {
        recordFive();
        long edited = idsOf(actor).get(1);

        ChainVerification result = tampered(() -> {
            jdbc.sql("update audit_entry set actor = 'someone-else' where id = ?")
                    .param(edited)
                    .update();
            recomputeWithPlainSm3From(edited);
        });

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(edited);
        assertThat(result.reason()).isEqualTo(ChainVerification.HASH_MISMATCH);
    }

    @Test
    void aRowRemovedInTheMiddleIsReportedAsAMissingId() {
        recordFive();
        List<Long> ids = idsOf(actor);

        ChainVerification result = tampered(() -> jdbc.sql("delete from audit_entry where id = ?")
                .param(ids.get(2))
                .update());

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(ids.get(3));
        assertThat(result.missingIds()).contains(new IdRange(ids.get(2), ids.get(2)));
    }

    @Test
    void theAnchorFileIsAppendedToNeverRewritten() throws Exception {
        recordFive();
        byte[] before = awaitAnchorAtLeast(idsOf(actor).get(4));

        String other = AuditTestData.uniqueActor();
        data.record(List.of(activity(other, AuditAction.LOGIN, null, T0.plusSeconds(10))));
        byte[] after = awaitAnchorAtLeast(idsOf(other).get(0));

        assertThat(after.length).isGreaterThan(before.length);
        assertThat(Arrays.copyOf(after, before.length)).isEqualTo(before);
        AnchorFile.Contents contents = anchorFile.read();
        assertThat(contents.invalidLines()).isZero();
        assertThat(contents.anchors()).isNotEmpty();
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void theVerificationPageOfABrokenChainNamesTheFirstBadEntryWithItsTimeAndTheMissingNumbers() {
        recordFive();
        List<Long> ids = idsOf(actor);

        // the page's request runs on this thread and joins the tampered, rolled-back transaction
        MvcTestResult page = DatabaseOwner.inRolledBackTransaction(context, () -> {
            jdbc.sql("select pg_advisory_xact_lock(?)")
                    .param(ChainAppender.CHAIN_LOCK)
                    .query((rs, n) -> 1)
                    .list();
            jdbc.sql("alter table audit_entry disable trigger user").update();
            jdbc.sql("delete from audit_entry where id = ?").param(ids.get(2)).update();
            jdbc.sql("alter table audit_entry enable trigger user").update();
            return mvc.get()
                    .uri("/audit/verification")
                    .with(Staff.as(Role.AUDITOR).wholeCountry().request())
                    .exchange();
        });

        assertThat(page)
                .hasStatusOk()
                .bodyText()
                .contains("alert-danger", "第一条出错的记录编号", "缺失的记录编号")
                .containsPattern("id=\"audit-first-broken\"><span>" + ids.get(3)
                        + "</span>\\s*<span[^>]*>2026-12-07 09:00:03</span>") // T0 + 3 s in Shanghai
                .containsPattern("id=\"audit-missing\">[^<]*\\b" + ids.get(2) + "\\b")
                .doesNotContain("??", "审计链完整");
    }

    @Test
    void aChainRewrittenEvenWithTheKeyDoesNotMatchItsAnchors() {
        recordFive();
        List<Long> ids = idsOf(actor);
        awaitAnchorAtLeast(ids.get(4));

        ChainVerification result = tampered(() -> {
            jdbc.sql("update audit_entry set actor = 'someone-else' where id = ?")
                    .param(ids.get(1))
                    .update();
            recomputeWithTheKeyFrom(ids.get(1));
        });

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).isEqualTo(ChainVerification.ANCHOR_MISMATCH);
        assertThat(result.anchorMismatchId()).isGreaterThanOrEqualTo(ids.get(1));
        assertThat(result.firstBrokenId()).isGreaterThanOrEqualTo(ids.get(1));
    }

    @Test
    void removingTheNewestRowsAloneIsReportedAsTruncation() {
        recordFive();
        List<Long> ids = idsOf(actor);
        long anchored = anchorAtLeast(ids.get(4));

        ChainVerification result = tampered(() -> jdbc.sql("delete from audit_entry where id >= ?")
                .param(ids.get(0))
                .update());

        assertThat(result.ok()).isFalse();
        assertThat(result.truncated()).isTrue();
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_entry where id < ?")
                .param(ids.get(0))
                .query(Long.class)
                .single(); // 0 when these were the first rows of the chain
        assertThat(result.lastId()).isEqualTo(before == 0 ? null : before);
        assertThat(result.missingIds()).contains(new IdRange(ids.get(0), anchored));
    }

    @Test
    void deletingTheLastRowsAndRecordingNewActivityIsDetected() {
        recordFive();
        List<Long> ids = idsOf(actor);

        ChainVerification result = tampered(() -> {
            jdbc.sql("delete from audit_entry where id >= ?").param(ids.get(0)).update();
            events.publishEvent(activity(actor, AuditAction.LOGIN, null, T0.plusSeconds(60)));
            appender.appendBatch();
        });

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).isEqualTo(ChainVerification.IDS_MISSING);
        assertThat(result.missingIds()).anySatisfy(range -> {
            assertThat(range.from()).isEqualTo(ids.get(0));
            assertThat(range.to()).isGreaterThanOrEqualTo(ids.get(4));
        });
    }

    private void recordFive() {
        data.record(List.of(
                activity(actor, AuditAction.CREATE, "310101", T0),
                activity(actor, AuditAction.UPDATE, "310101", T0.plusSeconds(1)),
                activity(actor, AuditAction.UPDATE, "310101", T0.plusSeconds(2)),
                activity(actor, AuditAction.VIEW_SENSITIVE, "310101", T0.plusSeconds(3)),
                activity(actor, AuditAction.UPDATE, "310101", T0.plusSeconds(4))));
        long last = idsOf(actor).get(4);
        // the writer records the highest id it wrote right after its commit
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select last_value from audit_entry_id_seq")
                                .query(Long.class)
                                .single()
                        >= last);
    }

    private List<Long> idsOf(String actor) {
        return jdbc.sql("select id from audit_entry where actor = ? order by id")
                .param(actor)
                .query(Long.class)
                .list();
    }

    /** The anchor file once it has an anchor at or beyond {@code id}. */
    private byte[] awaitAnchorAtLeast(long id) {
        anchorAtLeast(id);
        try {
            return Files.readAllBytes(anchorFile.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long anchorAtLeast(long id) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> anchorFile.read().anchors().stream().anyMatch(a -> a.id() >= id));
        return anchorFile.read().anchors().stream().mapToLong(Anchor::id).max().orElseThrow();
    }

    /** What an insider holding the key could do; only the anchors outside the database give it away. */
    private void recomputeWithTheKeyFrom(long fromId) {
        byte[] previous = jdbc.sql("select hash from audit_entry where id < ? order by id desc limit 1")
                .param(fromId)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .orElse(null);
        List<CanonicalRow> rows = jdbc.sql(
                        "select " + CanonicalRow.COLUMNS + " from audit_entry where id >= ? order by id")
                .param(fromId)
                .query((rs, n) -> CanonicalRow.read(rs))
                .list();
        for (CanonicalRow row : rows) {
            byte[] hash = hashes.hash(row, ChainHash.KEYED, previous);
            jdbc.sql("update audit_entry set prev_hash = ?, hash = ? where id = ?")
                    .params(previous, hash, row.id())
                    .update();
            previous = hash;
        }
    }

    /** What an attacker without the key can do: recompute the chain from {@code fromId} with plain SM3. */
    private void recomputeWithPlainSm3From(long fromId) {
        byte[] previous = jdbc.sql("select hash from audit_entry where id < ? order by id desc limit 1")
                .param(fromId)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .orElse(null);
        List<CanonicalRow> rows = jdbc.sql(
                        "select " + CanonicalRow.COLUMNS + " from audit_entry where id >= ? order by id")
                .param(fromId)
                .query((rs, n) -> CanonicalRow.read(rs))
                .list();
        for (CanonicalRow row : rows) {
            byte[] hash = row.hash(previous);
            jdbc.sql("update audit_entry set prev_hash = ?, hash = ? where id = ?")
                    .params(previous, hash, row.id())
                    .update();
            previous = hash;
        }
    }

    /**
     * Runs {@code edit} as the table owner (triggers off) while holding the chain's lock, so the writer thread
     * stays out, verifies in the same transaction and rolls everything back.
     */
    private ChainVerification tampered(Runnable edit) {
        return DatabaseOwner.inRolledBackTransaction(context, () -> {
            jdbc.sql("select pg_advisory_xact_lock(?)")
                    .param(ChainAppender.CHAIN_LOCK)
                    .query((rs, n) -> 1)
                    .list();
            jdbc.sql("alter table audit_entry disable trigger user").update();
            edit.run();
            jdbc.sql("alter table audit_entry enable trigger user").update();
            return verifier.verify();
        });
    }
}
