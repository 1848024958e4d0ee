package org.wushe.access.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lockout after failed sign-ins (wrong password or wrong second-factor code), counted in two ways:
 * <ul>
 * <li><b>per account and client address</b>: {@value #PER_ADDRESS_FAILURES} failures within
 * {@link #PER_ADDRESS_WINDOW} block that address for that account for {@link #PER_ADDRESS_LOCK}. This is the
 * limit a mistyping user meets, and it does not lock the account for anybody else;</li>
 * <li><b>per account</b>, from all addresses together: {@value #ACCOUNT_FAILURES} failures within
 * {@link #ACCOUNT_WINDOW} lock the account for {@link #ACCOUNT_LOCK}. One address cannot reach it — at most
 * 5 failures per 15 minutes is 20 an hour — so locking somebody out takes at least three addresses, while a
 * guesser with many addresses still gets no more than about 50 tries an hour per account.</li>
 * </ul>
 * Counting is done in SQL (upserts that lock the row), not on the {@link Account} aggregate: concurrent failures
 * — what a distributed guesser produces — would collide on its optimistic version and go uncounted.
 */
@Component
public class SignInThrottle {

    static final int PER_ADDRESS_FAILURES = 5;
    static final Duration PER_ADDRESS_WINDOW = Duration.ofMinutes(15);
    static final Duration PER_ADDRESS_LOCK = Duration.ofMinutes(15);
    static final int ACCOUNT_FAILURES = 50;
    static final Duration ACCOUNT_WINDOW = Duration.ofHours(1);
    static final Duration ACCOUNT_LOCK = Duration.ofHours(1);

    /** Stands for "address unknown" (no request, or the container gave none) so the key is never null. */
    private static final String NO_ADDRESS = "-";

    private final JdbcClient jdbc;

    SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Until when sign-in to the account from this address is refused (the later of the two locks), if it is. */
    Optional<Instant> lockedUntil(long accountId, String address, Instant now) {
        return jdbc.sql("""
                select greatest(
                    (select locked_until from access_account where id = :id and locked_until > :now),
                    (select locked_until from access_sign_in_failure
                      where account_id = :id and client_address = :address and locked_until > :now))""")
                .param("id", accountId)
                .param("address", key(address))
                .param("now", Timestamp.from(now))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** The latest lock on the account, account-wide or of any address (what an administrator sees and unlocks). */
    public Optional<Instant> lockedUntilAnywhere(long accountId, Instant now) {
        return Optional.ofNullable(lockedUntilAnywhere(List.of(accountId), now).get(accountId));
    }

    /** As {@link #lockedUntilAnywhere(long, Instant)} for a page of accounts in one query: the locked ones only. */
    public Map<Long, Instant> lockedUntilAnywhere(Collection<Long> accountIds, Instant now) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Instant> locked = new HashMap<>();
        jdbc.sql("""
                select a.id, greatest(case when a.locked_until > :now then a.locked_until end,
                    (select max(f.locked_until) from access_sign_in_failure f
                      where f.account_id = a.id and f.locked_until > :now)) as until
                from access_account a where a.id in (:ids)""")
                .param("ids", accountIds)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp("until");
                    if (until != null) {
                        locked.put(rs.getLong("id"), until.toInstant());
                    }
                    return null;
                })
                .list();
        return locked;
    }

    /** Counts a failure; true when it just locked the address for the account, or the whole account. */
    boolean failed(long accountId, String address, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                delete from access_sign_in_failure where account_id = :id and window_start < :windowStart
                   and (locked_until is null or locked_until < :now)""")
                .param("id", accountId)
                .param("windowStart", Timestamp.from(now.minus(PER_ADDRESS_WINDOW)))
                .param("now", at)
                .update();
        int failures = jdbc.sql("""
                insert into access_sign_in_failure as f (account_id, client_address, failures, window_start)
                values (:id, :address, 1, :now)
                on conflict (account_id, client_address) do update set
                    failures = case when f.window_start < :windowStart then 1 else f.failures + 1 end,
                    window_start = case when f.window_start < :windowStart then :now else f.window_start end
                returning failures""")
                .param("id", accountId)
                .param("address", key(address))
                .param("now", at)
                .param("windowStart", Timestamp.from(now.minus(PER_ADDRESS_WINDOW)))
                .query(Integer.class)
                .single();
        boolean addressLocked = failures >= PER_ADDRESS_FAILURES;
        if (addressLocked) {
            jdbc.sql("""
                    update access_sign_in_failure set failures = 0, window_start = :now, locked_until = :until
                    where account_id = :id and client_address = :address""")
                    .param("id", accountId)
                    .param("address", key(address))
                    .param("now", at)
                    .param("until", Timestamp.from(now.plus(PER_ADDRESS_LOCK)))
                    .update();
        }
        int accountFailures = jdbc.sql("""
                update access_account set
                    failed_attempts = case when failure_window_start is null or failure_window_start < :windowStart
                                           then 1 else failed_attempts + 1 end,
                    failure_window_start = case when failure_window_start is null
                                                  or failure_window_start < :windowStart
                                                then :now else failure_window_start end
                where id = :id returning failed_attempts""")
                .param("id", accountId)
                .param("now", at)
                .param("windowStart", Timestamp.from(now.minus(ACCOUNT_WINDOW)))
                .query(Integer.class)
                .single();
        boolean accountLocked = accountFailures >= ACCOUNT_FAILURES;
        if (accountLocked) {
            jdbc.sql("""
                    update access_account set failed_attempts = 0, failure_window_start = null, locked_until = :until
                    where id = :id""")
                    .param("id", accountId)
                    .param("until", Timestamp.from(now.plus(ACCOUNT_LOCK)))
                    .update();
        }
        return addressLocked || accountLocked;
    }

    /** A successful sign-in from this address forgets its failures there (not the account-wide count). */
    void succeeded(long accountId, String address) {
        jdbc.sql("delete from access_sign_in_failure where account_id = ? and client_address = ?")
                .params(accountId, key(address))
                .update();
    }

    /** An administrator's unlock (or password reset): both locks and both counts are gone. */
    public void clear(long accountId) {
        jdbc.sql("delete from access_sign_in_failure where account_id = ?")
                .param(accountId)
                .update();
        jdbc.sql("""
                update access_account set failed_attempts = 0, failure_window_start = null, locked_until = null
                where id = ?""").param(accountId).update();
    }

    private static String key(String address) {
        return address == null || address.isBlank() ? NO_ADDRESS : address;
    }
}
