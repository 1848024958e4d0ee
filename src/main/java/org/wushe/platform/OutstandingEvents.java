package org.wushe.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers again the event publications a listener did not complete (it threw, or its node died) once they are
 * {@code wushe.events.redeliver-after} old, so a failed listener catches up while the application runs, not
 * only at the next start. One node at a time (an advisory lock); listeners must tolerate a second delivery.
 */
@Component
class OutstandingEvents {

    private static final Logger log = LoggerFactory.getLogger(OutstandingEvents.class);
    private static final long LOCK = 0x6576656e7473L; // 'events'

    private final IncompleteEventPublications publications;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Duration after;

    OutstandingEvents(
            IncompleteEventPublications publications,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            @Value("${wushe.events.redeliver-after:PT2M}") Duration after) {
        this.publications = publications;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.after = after;
    }

    @Scheduled(
            fixedDelayString = "${wushe.events.redeliver-every:PT1M}",
            initialDelayString = "${wushe.events.redeliver-every:PT1M}")
    void redeliver() {
        try {
            transaction.executeWithoutResult(status -> {
                if (Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                        .param(LOCK)
                        .query(Boolean.class)
                        .single())) {
                    publications.resubmitIncompletePublicationsOlderThan(after);
                }
            });
        } catch (RuntimeException e) {
            log.error("Redelivering outstanding event publications failed; the next run tries again", e);
        }
    }
}
