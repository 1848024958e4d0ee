package org.wushe.residents.checkins;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the missed-check-in scan on every node; {@link CheckInAlerts} makes the runs safe to overlap. */
@Component
class CheckInAlertJob {

    private static final Logger log = LoggerFactory.getLogger(CheckInAlertJob.class);
    private final CheckInAlerts alerts;

    CheckInAlertJob(CheckInAlerts alerts) {
        this.alerts = alerts;
    }

    @Scheduled(
            fixedDelayString = "${wushe.residents.check-in.scan-delay:PT1M}",
            initialDelayString = "${wushe.residents.check-in.scan-delay:PT1M}")
    void run() {
        try {
            int n = alerts.scan();
            if (n > 0) {
                log.info("Daily check-in: {} alert(s) raised", n);
            }
        } catch (RuntimeException e) {
            log.warn("Daily check-in scan failed; the next run retries", e);
        }
    }
}
