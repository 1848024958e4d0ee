package org.wushe.notify.sms;

/**
 * Spaces a node's requests to a provider at most {@code perSecond} apart (a token bucket of one): the senders'
 * threads each take the next free slot and sleep until it comes.
 */
final class SendRate {

    private final long intervalNanos;
    private long next = System.nanoTime();

    SendRate(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    void acquire() throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, next);
            next = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
