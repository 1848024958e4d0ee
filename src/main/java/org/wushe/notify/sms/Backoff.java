package org.wushe.notify.sms;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter, and the clean-up of provider messages before they are stored. */
final class Backoff {

    private Backoff() {}

    /**
     * After attempt {@code attempt} (1-based): a random delay up to {@code base · 2^(attempt-1)}, capped at
     * {@code max}, and never under half the cap's step — so that many nodes retrying a provider that came back do
     * not all knock at once, and none retries at once.
     */
    static Duration delay(int attempt, Duration base, Duration max, RandomGenerator random) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(Math.max(attempt - 1, 0), 20));
        return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
    }

    /** A provider's message as stored: digit runs (a number or a code echoed back) masked, and at most 500 characters. */
    static String clean(String message) {
        return message == null ? null : clip(message.replaceAll("\\d{4,}", "***"), 500);
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
