package org.wushe.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.audit.AuditTestData;
import org.wushe.platform.database.DatabaseOwner;
import org.wushe.shared.AuditAction;

/** {@code --verify-audit-chain}: prints the result and exits 0 when intact, 1 when broken (no JVM is spawned). */
@WusheIntegrationTest
class VerifyChainCommandTests {

    @Autowired
    ChainVerifier verifier;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ApplicationContext context;

    private final List<Integer> exits = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void withTheOptionItVerifiesAndExitsWithZeroWhenIntact() {
        appendOne();
        GenericApplicationContext throwaway = new GenericApplicationContext();
        throwaway.refresh();
        var command = new VerifyChainCommand(verifier, messages, throwaway, exits::add);

        command.run(new DefaultApplicationArguments("--verify-audit-chain"));

        assertThat(exits).containsExactly(0);
        assertThat(throwaway.isActive()).isFalse();
    }

    @Test
    void withoutTheOptionItDoesNothing() {
        var command = new VerifyChainCommand(verifier, messages, new GenericApplicationContext(), exits::add);
        command.run(new DefaultApplicationArguments("--server.port=0"));
        assertThat(exits).isEmpty();
    }

    @Test
    void itPrintsTheResultInBothLanguages() {
        appendOne();
        var command = new VerifyChainCommand(verifier, messages, new GenericApplicationContext(), exits::add);

        assertThat(command.verifyAndPrint(out())).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("审计链完整", "Audit chain intact");
    }

    @Test
    void aBrokenChainIsPrintedWithItsFirstBadRowAndGivesOne() {
        appendOne();
        long last =
                jdbc.sql("select max(id) from audit_entry").query(Long.class).single();
        var command = new VerifyChainCommand(verifier, messages, new GenericApplicationContext(), exits::add);

        // only the owner can switch the triggers off; the tampering is rolled back
        int status = DatabaseOwner.inRolledBackTransaction(context, () -> {
            jdbc.sql("alter table audit_entry disable trigger user").update();
            jdbc.sql("update audit_entry set actor = 'someone-else' where id = ?")
                    .param(last)
                    .update();
            return command.verifyAndPrint(out());
        });

        assertThat(status).isOne();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("审计链已损坏", "记录编号为 " + last, "写入后被修改过")
                .contains("Audit chain BROKEN", "no. " + last, "changed after it was written");
    }

    private void appendOne() {
        new AuditTestData(events, transactions, jdbc)
                .record(List.of(
                        AuditTestData.activity(AuditTestData.uniqueActor(), AuditAction.LOGIN, null, Instant.now())));
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }
}
