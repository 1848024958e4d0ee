package org.wushe.audit.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wushe.audit.ChainVerification;

/**
 * {@code --verify-audit-chain}: checks the chain and the anchor file once the application has started, prints
 * the result (in Chinese and English: first bad row, missing ids, anchor mismatch) and ends the process with 0
 * if intact, 1 if broken:
 *
 * <pre>
 * ./mvnw spring-boot:run -Dspring-boot.run.arguments=--verify-audit-chain
 * java -jar target/wushe-*.jar --verify-audit-chain
 * </pre>
 *
 * It starts the whole application on the configured database; with the embedded database, stop the running
 * instance first (its data directory is locked); with an external one add {@code --server.port=0} if a node
 * runs on the same machine.
 */
@Component
class VerifyChainCommand implements ApplicationRunner {

    static final String OPTION = "verify-audit-chain";

    private final ChainVerifier verifier;
    private final MessageSource messages;
    private final ApplicationContext context;
    private final IntConsumer exit;

    @Autowired
    VerifyChainCommand(ChainVerifier verifier, MessageSource messages, ApplicationContext context) {
        this(verifier, messages, context, System::exit);
    }

    VerifyChainCommand(ChainVerifier verifier, MessageSource messages, ApplicationContext context, IntConsumer exit) {
        this.verifier = verifier;
        this.messages = messages;
        this.context = context;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(OPTION)) {
            int status = verifyAndPrint(System.out);
            exit.accept(SpringApplication.exit(context, () -> status));
        }
    }

    /** Verifies the chain and prints the result; returns the exit status. */
    int verifyAndPrint(PrintStream out) {
        ChainVerification result = verifier.verify();
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            Object[] args = {
                result.rowsChecked(),
                String.valueOf(result.firstBrokenId()),
                messages.getMessage(result.reason(), null, result.reason(), locale),
                result.anchorsChecked()
            };
            out.println(messages.getMessage(
                    result.ok() ? "audit.verification.cli.ok" : "audit.verification.cli.broken", args, locale));
            if (!result.missingIds().isEmpty()) {
                out.println(messages.getMessage(
                        "audit.verification.cli.missing",
                        new Object[] {
                            result.missingIds().stream().map(Object::toString).collect(Collectors.joining(", "))
                        },
                        locale));
            }
            if (result.anchorMismatchId() != null || result.truncated()) {
                out.println(messages.getMessage(
                        "audit.verification.cli.anchor",
                        new Object[] {String.valueOf(result.anchorMismatchId()), String.valueOf(result.lastId())},
                        locale));
            }
        }
        return result.ok() ? 0 : 1;
    }
}
