package org.wushe.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code WUSHE_CRYPTO_RE_ENCRYPT=true} ({@code wushe.crypto.re-encrypt}): once the application is ready and
 * serving, re-encrypts everything under the active key in the background, repeating the pass (at most five
 * times) while values under other keys remain, e.g. written by nodes not yet restarted with the new key.
 * Only one node works at a time. The log says when nothing is left under the old key: then drop it.
 */
@Component
@ConditionalOnProperty(name = "wushe.crypto.re-encrypt", havingValue = "true")
class ReEncryptionJob {

    private static final Logger log = LoggerFactory.getLogger(ReEncryptionJob.class);
    private final ReEncryption reEncryption;

    ReEncryptionJob(ReEncryption reEncryption) {
        this.reEncryption = reEncryption;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread thread = new Thread(this::runPasses, "re-encryption");
        thread.setDaemon(true);
        thread.start();
    }

    private void runPasses() {
        try {
            for (int pass = 1; pass <= 5; pass++) {
                ReEncryption.Result result = reEncryption.run();
                if (!result.ran()) {
                    return;
                }
                if (result.remaining() == 0) {
                    log.info("Re-encryption complete: every encrypted value is under the active key; the other "
                            + "keys may now be removed from WUSHE_CRYPTO_KEYS");
                    return;
                }
            }
            log.warn("Re-encryption: values under other keys remain after five passes (nodes still encrypting "
                    + "under an old key, or values no configured key opens); restart with the new key everywhere "
                    + "and run it again");
        } catch (RuntimeException e) {
            log.error("Re-encryption stopped; it resumes where it left off when run again", e);
        }
    }
}
