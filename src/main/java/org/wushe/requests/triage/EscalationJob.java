package org.wushe.requests.triage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the escalation every minute. A bean of its own because a scheduled method calling {@link Escalations#run}
 * on {@code this} would bypass the transaction: the advisory lock would be released at once and the in-app
 * notices (which need the caller's transaction) refused.
 */
@Component
class EscalationJob {

    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

    private final Escalations escalations;

    EscalationJob(Escalations escalations) {
        this.escalations = escalations;
    }

    @Scheduled(
            fixedDelayString = "${wushe.requests.escalation-delay:PT1M}",
            initialDelayString = "${wushe.requests.escalation-delay:PT1M}")
    void run() {
        try {
            escalations.runNow();
        } catch (RuntimeException e) {
            log.error("Help-request escalation failed; the next run tries again", e);
        }
    }
}
