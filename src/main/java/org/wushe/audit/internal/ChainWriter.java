package org.wushe.audit.internal;

import java.time.Duration;
import java.time.Instant;
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
 * <p>After each committed batch it moves the id sequence up to the batch's last id ({@link ChainAppender#markWritten}).
 * When the chain's head has moved and {@code wushe.audit.anchor-interval} (default 10 s) has passed since the
 * last anchor, it appends the head (time, id, rows, hash) to the anchor file and the log: a line per interval
 * while rows arrive, none while idle.
 *
 * <p>It starts before and stops after the web server, and drains and anchors once more on the way out.
 */
@Component
class ChainWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainWriter.class);

    private final ChainAppender appender;
    private final AnchorFile anchors;
    private final Duration anchorInterval;
    private final Duration pollInterval;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** The last anchor this node wrote (id -1: none yet since start). */
    private long anchoredId = -1;

    private long anchoredRows;
    private long anchoredAtNanos;
    private volatile boolean markFailed;

    ChainWriter(
            ChainAppender appender,
            AnchorFile anchors,
            @Value("${wushe.audit.poll-interval:PT1S}") Duration pollInterval,
            @Value("${wushe.audit.anchor-interval:PT10S}") Duration anchorInterval) {
        this.appender = appender;
        this.anchors = anchors;
        this.pollInterval = pollInterval;
        this.anchorInterval = anchorInterval;
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
            anchor(true);
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
                anchor(false);
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
        ChainAppender.Appended appended;
        do {
            appended = appender.appendBatch();
            if (appended.rows() > 0) {
                markWritten(appended.lastId());
            }
        } while (appended.rows() == ChainAppender.BATCH); // a full batch: there may be more
    }

    private void markWritten(long lastId) {
        try {
            appender.markWritten(lastId);
        } catch (RuntimeException e) {
            // only the removal of the newest rows goes unnoticed by the id sequence then; the anchors still see it.
            // Warned once: the usual cause is a missing grant (the role needs SELECT and UPDATE on the sequence).
            if (!markFailed) {
                log.warn(
                        "Could not advance audit_entry_id_seq to {} (grant SELECT, UPDATE on it): {}",
                        lastId,
                        e.toString());
            }
            markFailed = true;
        }
    }

    /** Anchors the chain's head if it moved and the interval has passed ({@code force}: if it moved). */
    synchronized void anchor(boolean force) {
        if (!force && anchoredId >= 0 && System.nanoTime() - anchoredAtNanos < anchorInterval.toNanos()) {
            return;
        }
        ChainAppender.Head head = appender.head().orElse(null);
        if (head == null || head.id() == anchoredId) {
            anchoredAtNanos = System.nanoTime(); // idle: look again after the interval, not at every poll
            return;
        }
        long rows = anchoredId < 0 || head.id() < anchoredId
                ? appender.rowsBetween(0, head.id())
                : anchoredRows + appender.rowsBetween(anchoredId, head.id());
        String line = anchors.append(new Anchor(Instant.now(), head.id(), rows, head.hash()));
        log.info("Audit chain anchored in {}: {}", anchors.path(), line);
        anchoredId = head.id();
        anchoredRows = rows;
        anchoredAtNanos = System.nanoTime();
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
