package org.wushe.access.internal;

import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Component;
import org.wushe.access.AccountLockedException;
import org.wushe.access.CurrentUser;
import org.wushe.access.StaffPrincipal;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;

/**
 * Enrolment of an authenticator app and the code asked at each sign-in. The secret is kept SM4-encrypted; a
 * wrong code counts as a failed sign-in ({@link SignInThrottle}), and an accepted code is never accepted twice.
 */
@Component
public class SecondFactor {

    static final String ISSUER = "Wushe";
    private static final String COLUMN = "totp_secret";

    private final AccountRepository accounts;
    private final CryptoService crypto;
    private final Sessions sessions;
    private final LoginLog loginLog;
    private final SignInThrottle throttle;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecondFactor(
            AccountRepository accounts,
            CryptoService crypto,
            Sessions sessions,
            LoginLog loginLog,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            SignInThrottle throttle,
            Clock clock) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.crypto = crypto;
        this.sessions = sessions;
        this.loginLog = loginLog;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** A fresh secret to show (as text and otpauth URI); it is stored only once a code from it is confirmed. */
    public Enrolment newEnrolment(StaffPrincipal who) {
        byte[] secret = Totp.newSecret();
        return new Enrolment(secret, Totp.base32(secret), Totp.otpauthUri(ISSUER, who.username(), secret));
    }

    public UsernamePasswordAuthenticationToken confirmEnrolment(StaffPrincipal who, byte[] secret, String code) {
        Account account = accounts.findById(who.accountId()).orElseThrow();
        OptionalLong step = Totp.verify(secret, code, clock.instant(), 0);
        if (step.isEmpty()) {
            throw new InvalidValueException("access.totp.wrong");
        }
        account.enrolTotp(crypto.encrypt(Totp.base32(secret), AccountPhones.TABLE, COLUMN), step.getAsLong());
        accounts.save(account);
        publish(AuditAction.UPDATE, account, List.of("totpSecret"));
        return sessions.afterSecondFactor(account);
    }

    public UsernamePasswordAuthenticationToken verify(StaffPrincipal who, String code) {
        Account account = accounts.findById(who.accountId()).orElseThrow();
        String address = currentUser.clientAddress().orElse(null);
        var locked = throttle.lockedUntil(account.id(), address, clock.instant());
        if (locked.isPresent()) {
            throw new AccountLockedException(locked.get());
        }
        byte[] secret = Base32.decode(crypto.decrypt(account.totpSecret(), AccountPhones.TABLE, COLUMN));
        OptionalLong step = Totp.verify(secret, code, clock.instant(), account.totpLastStep());
        if (step.isEmpty()) {
            boolean lockedNow = throttle.failed(account.id(), address, clock.instant());
            loginLog.record(account.username(), account.id(), false, "BAD_TOTP", address);
            publish(AuditAction.LOGIN_FAILED, account, List.of("totp"));
            if (lockedNow) {
                publish(AuditAction.LOCKED, account, List.of());
                throw new AccountLockedException(throttle.lockedUntil(account.id(), address, clock.instant())
                        .orElseThrow());
            }
            throw new InvalidValueException("access.totp.wrong");
        }
        account.secondFactorUsed(step.getAsLong());
        accounts.save(account);
        throttle.succeeded(account.id(), address);
        loginLog.record(account.username(), account.id(), true, "OK_TOTP", address);
        return sessions.afterSecondFactor(account);
    }

    private void publish(AuditAction action, Account account, List<String> fields) {
        events.publishEvent(new Activity(
                clock.instant(),
                account.username(),
                action,
                "account",
                account.id().toString(),
                account.homeRegion(),
                currentUser.clientAddress().orElse(null),
                null,
                fields));
    }

    /** A secret being enrolled: raw bytes (kept in the session until confirmed) and how to show it. */
    public record Enrolment(byte[] secret, String base32, String otpauthUri) implements Serializable {}

    /** RFC 4648 base32 decoding of the stored secret text. */
    static final class Base32 {
        private Base32() {}

        static byte[] decode(String text) {
            var out = new ByteArrayOutputStream();
            int buffer = 0;
            int bits = 0;
            for (char c : text.toCharArray()) {
                int value = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8) {
                    out.write((buffer >> (bits - 8)) & 0xff);
                    bits -= 8;
                }
            }
            return out.toByteArray();
        }
    }
}
