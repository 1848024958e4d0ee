package org.wushe.notify.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wushe.notify.MessageSender;

/**
 * The configured providers behind the port, first the one of {@code WUSHE_SMS_PROVIDER}, then the failover one.
 * A provider that fails {@code pauseAfterFailures} times in a row (its own fault: down, throttled, out of balance,
 * wrong keys — not a bad number) is paused for {@code pauseFor} and the next takes its messages; the first success
 * after the pause resumes it. A verification code does not wait for the pause: it goes to the next provider at once,
 * even after a time-out (a duplicate code is harmless, a missing one locks the resident out).
 */
public final class FailoverSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(FailoverSender.class);

    private final List<SmsProvider> providers;
    private final int pauseAfter;
    private final Duration pauseFor;
    private final Clock clock;
    private final ConcurrentHashMap<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    public FailoverSender(List<SmsProvider> providers, int pauseAfter, Duration pauseFor, Clock clock) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("No SMS provider configured");
        }
        this.providers = List.copyOf(providers);
        this.pauseAfter = pauseAfter;
        this.pauseFor = pauseFor;
        this.clock = clock;
    }

    @Override
    public Accepted send(OutgoingMessage message) {
        Instant now = clock.instant();
        List<SmsProvider> available = providers.stream()
                .filter(p -> !pausedUntil.getOrDefault(p.name(), Instant.MIN).isAfter(now))
                .toList();
        if (available.isEmpty()) {
            throw new SendFailure("failover", "ALL_PAUSED", SendFailure.Kind.TRANSIENT, "every provider is paused");
        }
        SendFailure last = null;
        for (SmsProvider provider : available) {
            try {
                Accepted accepted = provider.send(message);
                failures.computeIfAbsent(provider.name(), n -> new AtomicInteger())
                        .set(0);
                return accepted;
            } catch (SendFailure f) {
                last = f;
                boolean providersFault =
                        f.kind() == SendFailure.Kind.TRANSIENT || f.kind() == SendFailure.Kind.UNCERTAIN;
                if (providersFault) {
                    failed(provider.name(), now);
                }
                if (!(providersFault && message.kind().verificationCode())) {
                    throw f;
                }
            }
        }
        throw last;
    }

    private void failed(String provider, Instant now) {
        int inARow =
                failures.computeIfAbsent(provider, n -> new AtomicInteger()).incrementAndGet();
        if (inARow >= pauseAfter && providers.size() > 1) {
            pausedUntil.put(provider, now.plus(pauseFor));
            failures.get(provider).set(0);
            log.warn("SMS provider {} paused for {} after {} failures in a row", provider, pauseFor, inARow);
        }
    }

    /** Whether {@code provider} is paused now (for the staff view and the tests). */
    public boolean paused(String provider) {
        return pausedUntil.getOrDefault(provider, Instant.MIN).isAfter(clock.instant());
    }
}
