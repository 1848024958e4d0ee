package org.wushe.requests.intake;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;

/**
 * SMS codes of the public intake: 6 digits valid {@link #VALIDITY}, at most {@link #MAX_ATTEMPTS} wrong tries,
 * stored as a keyed hash next to the phone's blind index. Once right, the phone stays verified for
 * {@link #VERIFIED_FOR} with the same code, so a resident can submit a second request (for a family member)
 * without a new SMS. The check on the submit path is one primary-key read.
 */
@Repository
class PhoneVerifications {

    public static final Duration VALIDITY = Duration.ofMinutes(5);
    public static final Duration VERIFIED_FOR = Duration.ofMinutes(30);
    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final CryptoService crypto;
    private final SecureRandom random = new SecureRandom();

    PhoneVerifications(JdbcClient jdbc, CryptoService crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    String issue(PhoneNumber phone, Instant now) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        byte[] index = crypto.blindIndex("phone", phone.value());
        jdbc.sql("""
                insert into requests_phone_verification (phone_index, code_hash, expires_at, attempts) values (?, ?, ?, 0)
                on conflict (phone_index) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at,
                    attempts = 0, verified_until = null""")
                .params(index, hash(index, code), Timestamp.from(now.plus(VALIDITY)))
                .update();
        return code;
    }

    /**
     * Passes when {@code code} is the phone's current code and it is either fresh or was verified less than
     * {@link #VERIFIED_FOR} ago; marks it verified the first time. A wrong code counts a try in its own
     * transaction, so it stays counted although the submission fails.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = InvalidValueException.class)
    public void verify(PhoneNumber phone, byte[] index, String code, Instant now) {
        var row = jdbc.sql("select code_hash, expires_at, attempts, verified_until from requests_phone_verification"
                        + " where phone_index = ?")
                .param(index)
                .query((rs, n) -> new Stored(
                        rs.getBytes(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getInt(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
        if (row.isEmpty()) {
            throw new InvalidValueException("requests.code.expired");
        }
        Stored s = row.get();
        boolean verifiedWindow = s.verifiedUntil() != null && s.verifiedUntil().isAfter(now);
        if (!verifiedWindow && !s.expiresAt().isAfter(now)) {
            throw new InvalidValueException("requests.code.expired");
        }
        if (s.attempts() >= MAX_ATTEMPTS) {
            throw new InvalidValueException("requests.code.tooManyTries");
        }
        String given = code == null ? "" : code.strip();
        if (!MessageDigest.isEqual(s.hash(), hash(index, given))) {
            jdbc.sql("update requests_phone_verification set attempts = attempts + 1 where phone_index = ?")
                    .param(index)
                    .update();
            throw new InvalidValueException("requests.code.wrong");
        }
        if (s.verifiedUntil() == null) {
            jdbc.sql("update requests_phone_verification set verified_until = ? where phone_index = ?")
                    .params(Timestamp.from(now.plus(VERIFIED_FOR)), index)
                    .update();
        }
    }

    private byte[] hash(byte[] index, String code) {
        return crypto.blindIndex("requests_code", HexFormat.of().formatHex(index) + ":" + code);
    }

    private record Stored(byte[] hash, Instant expiresAt, int attempts, Instant verifiedUntil) {}
}
