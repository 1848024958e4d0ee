package org.wushe.statistics.ledger;

import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --rebuild-statistics}: recomputes the daily roll-ups from the ledger once the application has started,
 * says how many rows it wrote and exits. For an operator who restored the ledger, or doubts a figure:
 *
 * <pre>
 * java -jar target/wushe-*.jar --rebuild-statistics
 * </pre>
 */
@Component
class RebuildCommand implements ApplicationRunner {

    static final String OPTION = "rebuild-statistics";
    private static final Logger log = LoggerFactory.getLogger(RebuildCommand.class);

    private final RollupRebuild rebuild;
    private final ApplicationContext context;
    private final IntConsumer exit;

    @Autowired
    RebuildCommand(RollupRebuild rebuild, ApplicationContext context) {
        this(rebuild, context, System::exit);
    }

    RebuildCommand(RollupRebuild rebuild, ApplicationContext context, IntConsumer exit) {
        this.rebuild = rebuild;
        this.context = context;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(OPTION)) {
            long started = System.nanoTime();
            long rows = rebuild.rebuild();
            log.info(
                    "Statistics roll-ups rebuilt from the ledger: {} rows in {} ms",
                    rows,
                    (System.nanoTime() - started) / 1_000_000);
            exit.accept(SpringApplication.exit(context, () -> 0));
        }
    }
}
