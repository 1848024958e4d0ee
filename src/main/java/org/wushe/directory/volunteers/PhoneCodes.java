package org.wushe.directory.volunteers;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.ResidentIdNumber;

/**
 * SMS verification codes: 6 digits, valid {@link #VALIDITY}, stored as a hash bound to the phone's blind index,
 * at most {@link #MAX_ATTEMPTS} tries; a new code replaces the old one, a used code is deleted.
 */
@Repository
class PhoneCodes {

    public static final Duration VALIDITY = Duration.ofMinutes(5);
    public static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final CryptoService crypto;
    private final SecureRandom random = new SecureRandom();

    PhoneCodes(JdbcClient jdbc, CryptoService crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    /** A fresh code for {@code phone} (returned once, to be sent by SMS). */
    public String issue(PhoneNumber phone, Instant now) {
        return issue(crypto.blindIndex("phone", phone.value()), now);
    }

    /**
     * The key of an account activation's code: bound to the phone AND the ID number it was asked for (so a code
     * proves this pair, and is kept apart from a registration code of the same phone).
     */
    public byte[] activationKey(PhoneNumber phone, ResidentIdNumber id) {
        return crypto.blindIndex("volunteer_activation", phone.value() + "|" + id.value());
    }

    /** A fresh code under {@code index} (a {@link #activationKey}). */
    public String issue(byte[] index, Instant now) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        jdbc.sql("""
                insert into directory_phone_code (phone_index, code_hash, expires_at, attempts) values (?, ?, ?, 0)
                on conflict (phone_index) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at,
                    attempts = 0""")
                .params(index, hash(index, code), Timestamp.from(now.plus(VALIDITY)))
                .update();
        return code;
    }

    /**
     * Checks {@code code}; a wrong one counts a try (in its own transaction, so it stays counted when the
     * registration fails). Throws {@link InvalidValueException} when wrong, expired or tried too often.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = InvalidValueException.class)
    public void verify(PhoneNumber phone, String code, Instant now) {
        verify(crypto.blindIndex("phone", phone.value()), code, now);
    }

    /** {@link #verify(PhoneNumber, String, Instant)} for a code issued under {@code index}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = InvalidValueException.class)
    public void verify(byte[] index, String code, Instant now) {
        Optional<Stored> stored = jdbc.sql("select code_hash, expires_at, attempts from directory_phone_code"
                        + " where phone_index = ? for update")
                .param(index)
                .query((rs, n) -> new Stored(rs.getBytes(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)))
                .optional();
        if (stored.isEmpty() || !stored.get().expiresAt.isAfter(now)) {
            throw new InvalidValueException("directory.volunteer.code.expired");
        }
        if (stored.get().attempts >= MAX_ATTEMPTS) {
            throw new InvalidValueException("directory.volunteer.code.tooManyTries");
        }
        String given = code == null ? "" : code.strip();
        if (!MessageDigest.isEqual(stored.get().hash, hash(index, given))) {
            jdbc.sql("update directory_phone_code set attempts = attempts + 1 where phone_index = ?")
                    .param(index)
                    .update();
            throw new InvalidValueException("directory.volunteer.code.wrong");
        }
    }

    /** Deletes the code once the registration it verified is written. */
    public void consume(PhoneNumber phone) {
        consume(crypto.blindIndex("phone", phone.value()));
    }

    /** Deletes the code issued under {@code index}. */
    public void consume(byte[] index) {
        jdbc.sql("delete from directory_phone_code where phone_index = ?")
                .param(index)
                .update();
    }

    /** Keyed (HMAC-SM3 under the index key), so a copy of the table cannot be brute-forced offline. */
    private byte[] hash(byte[] index, String code) {
        return crypto.blindIndex("phone_code", HexFormat.of().formatHex(index) + ":" + code);
    }

    private record Stored(byte[] hash, Instant expiresAt, int attempts) {}
}
