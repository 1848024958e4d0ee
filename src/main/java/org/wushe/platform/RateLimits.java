package org.wushe.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window rate limits kept in PostgreSQL, so every application node counts against the same limit: one
 * upsert per request. Used on public endpoints, keyed by client address or phone number.
 *
 * <p>A count is not something anybody was promised, so its transaction commits without waiting for the WAL
 * flush ({@code synchronous_commit = off}, for this transaction only): a crash can forget the last fraction of
 * a second of hits, and a surge does not queue two extra disk flushes behind every request.
 */
@Service
public class RateLimits {

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimits(JdbcClient jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Counts one hit of {@code key} in {@code bucket}; throws {@link RateLimitExceededException} (answered with
     * 429 and Retry-After) once more than {@code limit} hits fall in the current window.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void hit(String bucket, String key, int limit, Duration window) {
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        jdbc.sql("set local synchronous_commit = off").update();
        int hits = jdbc.sql("""
                insert into platform_rate_limit (bucket, key, window_start, hits) values (?, ?, ?, 1)
                on conflict (bucket, key, window_start) do update set hits = platform_rate_limit.hits + 1
                returning hits""")
                .params(bucket, key, Timestamp.from(start)).query(Integer.class).single();
        if (hits > limit) {
            throw new RateLimitExceededException(Duration.between(now, start.plus(window)));
        }
    }

    /** Drops windows that ended more than a day ago. */
    @Transactional
    public int purgeOld() {
        return jdbc.sql("delete from platform_rate_limit where window_start < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }
}
