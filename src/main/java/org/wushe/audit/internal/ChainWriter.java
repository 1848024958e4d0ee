package org.wushe.audit.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one thread per node that links pending activities into the chain. It is woken when a transaction that
 * recorded an activity commits and otherwise looks every {@code wushe.audit.poll-interval} (rows another node
 * recorded, rows left when a node stopped). Batching is what lets a surge be audited: one chained insert of
 * up to {@link ChainAppender#BATCH} rows per transaction instead of one serialised transaction per activity.
 *
 * <p>It starts before and stops after the web server, and drains once more on the way out.
 */
@Component
class ChainWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainWriter.class);

    private final ChainAppender appender;
    private final Duration pollInterval;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    ChainWriter(ChainAppender appender, @Value("${wushe.audit.poll-interval:PT1S}") Duration pollInterval) {
        this.appender = appender;
        this.pollInterval = pollInterval;
    }

    void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "audit-chain-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        try {
            thread.join(10_000);
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Audit rows left pending at shutdown; they are chained at the next start: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below the web server's graceful-shutdown phase: started before it, stopped after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void loop() {
        while (running) {
            try {
                signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
                drain();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database is away or shutting down; the rows stay pending and are retried
                log.warn("Audit chain writer could not append, retrying: {}", e.toString());
                pause();
            }
        }
    }

    private void drain() {
        while (appender.appendBatch() == ChainAppender.BATCH) {
            // a full batch: there may be more
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
