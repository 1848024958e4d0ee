package org.wushe.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.CurrentUser;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.RegionCode;

/**
 * Password sign-in against the accounts table: counts failures per account and client address and
 * account-wide ({@link SignInThrottle}), logs every attempt (login log and audit trail), and hands out a session that carries the roles and scope only once no step
 * (changing a temporary password) is pending.
 */
@Component
class SignIn implements AuthenticationProvider {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final LoginLog loginLog;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final String dummyHash;

    SignIn(
            AccountRepository accounts,
            PasswordEncoder passwords,
            TransactionTemplate transaction,
            LoginLog loginLog,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            Sessions sessions,
            SignInThrottle throttle,
            Clock clock) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.accounts = accounts;
        this.passwords = passwords;
        this.transaction = transaction;
        this.loginLog = loginLog;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
        this.dummyHash = passwords.encode("timing-equaliser-Aa1!");
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username =
                attempt.getName() == null ? "" : attempt.getName().strip().toLowerCase(Locale.ROOT);
        String password =
                attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = currentUser.clientAddress().orElse(null);
        // The failure is committed (counter, lockout, logs) before it is thrown, so it is never rolled back.
        Object outcome = transaction.execute(status -> attempt(username, password, address));
        if (outcome instanceof AuthenticationException failure) {
            throw failure;
        }
        return (Authentication) outcome;
    }

    /**
     * One attempt. Whatever went wrong — unknown user, wrong password, locked (for this address or account-wide),
     * disabled with a wrong password — the answer is the same {@code access.login.failed} after the same slow
     * password check, so the answer tells nobody whether the username exists or is locked; the login log and the
     * audit trail keep the real reason. Only the right password of a disabled account hears that it is disabled.
     */
    private Object attempt(String username, String password, String address) {
        Instant now = clock.instant();
        Optional<Account> found = accounts.findByUsername(username);
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash); // same time as a real check: no username probing
            record(asRecorded(username), null, null, false, "UNKNOWN_USER", address);
            return new BadCredentialsException("access.login.failed");
        }
        Account account = found.get();
        boolean matches = passwords.matches(password, account.passwordHash());
        if (throttle.lockedUntil(account.id(), address, now).isPresent()) {
            record(username, account, false, "LOCKED", address);
            return new BadCredentialsException("access.login.failed");
        }
        if (!account.enabled()) {
            record(username, account, false, "DISABLED", address);
            return matches
                    ? new DisabledException("access.login.disabled")
                    : new BadCredentialsException("access.login.failed");
        }
        if (!matches) {
            boolean lockedNow = throttle.failed(account.id(), address, now);
            record(username, account, false, "BAD_PASSWORD", address);
            if (lockedNow) {
                publish(AuditAction.LOCKED, username, account.id(), account.homeRegion(), address);
            }
            return new BadCredentialsException("access.login.failed");
        }
        throttle.succeeded(account.id(), address);
        record(username, account, true, "OK", address);
        return sessions.afterPassword(account);
    }

    /**
     * What the login log and the audit trail keep of a username that names no account: as typed when it could be
     * one, otherwise only its length — people type their phone or ID number into the username field, and neither
     * may be stored in clear.
     */
    static String asRecorded(String typed) {
        return AccountFactory.isWellFormedUsername(typed)
                ? typed
                : "(not a username, " + typed.length() + " characters)";
    }

    private void record(String username, Account account, boolean success, String outcome, String address) {
        record(username, account.id(), account.homeRegion(), success, outcome, address);
    }

    private void record(
            String username, Long accountId, RegionCode region, boolean success, String outcome, String address) {
        loginLog.record(username, accountId, success, outcome, address);
        publish(success ? AuditAction.LOGIN : AuditAction.LOGIN_FAILED, username, accountId, region, address);
    }

    private void publish(AuditAction action, String username, Long accountId, RegionCode region, String address) {
        events.publishEvent(new Activity(
                clock.instant(),
                username,
                action,
                "account",
                accountId == null ? null : accountId.toString(),
                region,
                address,
                null,
                List.of()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
