package org.wushe.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window rate limits kept in PostgreSQL, so every application node counts against the same limit: one
 * upsert per request. Used on public endpoints, keyed by client address or by the keyed hash of a phone number
 * ({@code CryptoService.rateLimitKey}): a key is stored as given, so it must never be a phone or ID number in clear.
 *
 * <p>A count is not something anybody was promised, so its transaction commits without waiting for the WAL
 * flush ({@code synchronous_commit = off}, for this transaction only): a crash can forget the last fraction of
 * a second of hits, and a surge does not queue two extra disk flushes behind every request.
 */
@Service
public class RateLimits {

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One limit to count a hit against: at most {@code limit} hits of {@code key} in {@code bucket} per window. */
    public record Limit(String bucket, String key, int limit, Duration window) {}

    /**
     * Counts one hit of {@code key} in {@code bucket}; throws {@link RateLimitExceededException} (answered with
     * 429 and Retry-After) once more than {@code limit} hits fall in the current window.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void hit(String bucket, String key, int limit, Duration window) {
        hit(new Limit(bucket, key, limit, window));
    }

    /**
     * Counts one hit against each limit in one statement (a public request limited per address and per phone
     * pays for one round trip and one commit, not two); throws if any is exceeded, with the longest wait. The
     * limits must name different bucket-and-key pairs.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void hit(Limit... limits) {
        Instant now = clock.instant();
        Instant[] starts = new Instant[limits.length];
        for (int i = 0; i < limits.length; i++) {
            long windowMillis = limits[i].window().toMillis();
            starts[i] = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        }
        jdbc.sql("set local synchronous_commit = off").update();
        Map<String, Integer> hits = new HashMap<>();
        jdbc.sql("""
                insert into platform_rate_limit (bucket, key, window_start, hits)
                select b, k, w, 1 from unnest(?::text[], ?::text[], ?::timestamptz[]) as t(b, k, w)
                on conflict (bucket, key, window_start) do update set hits = platform_rate_limit.hits + 1
                returning bucket, key, hits""")
                .params(
                        Arrays.stream(limits).map(Limit::bucket).toArray(String[]::new),
                        Arrays.stream(limits).map(Limit::key).toArray(String[]::new),
                        Arrays.stream(starts).map(Timestamp::from).toArray(Timestamp[]::new))
                .query(rs -> {
                    hits.put(rs.getString(1) + '\0' + rs.getString(2), rs.getInt(3));
                });
        Duration wait = null;
        for (int i = 0; i < limits.length; i++) {
            if (hits.get(limits[i].bucket() + '\0' + limits[i].key()) > limits[i].limit()) {
                Duration until = Duration.between(now, starts[i].plus(limits[i].window()));
                wait = wait == null || until.compareTo(wait) > 0 ? until : wait;
            }
        }
        if (wait != null) {
            throw new RateLimitExceededException(wait);
        }
    }

    /** Drops windows that ended more than a day ago. */
    @Transactional
    public int purgeOld() {
        return jdbc.sql("delete from platform_rate_limit where window_start < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }
}
