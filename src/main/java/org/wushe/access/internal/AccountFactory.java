package org.wushe.access.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.wushe.access.DataScope;
import org.wushe.access.KnownRegions;
import org.wushe.access.Role;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.Name;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/** Validates what goes into an account and builds it; also the account's bits the façade may not touch. */
@Component
public class AccountFactory {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    private final PasswordEncoder passwords;
    private final KnownRegions regions;
    private final AccountPhones phones;
    private final Sessions sessions;
    private final Clock clock;

    AccountFactory(
            PasswordEncoder passwords, KnownRegions regions, AccountPhones phones, Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.passwords = passwords;
        this.regions = regions;
        this.phones = phones;
        this.clock = clock;
    }

    /** Whether {@code username} could name an account: a lower-case letter, then letters, digits, {@code ._-}. */
    static boolean isWellFormedUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public Account newAccount(
            String username,
            String displayName,
            String phone,
            Set<Role> roles,
            DataScope scope,
            String password,
            String createdBy) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidValueException("access.account.usernameInvalid");
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 50) {
            throw new InvalidValueException("access.account.displayNameInvalid", 50);
        }
        name = Name.parse(name).value();
        checkScope(scope);
        Account account =
                Account.create(username, name, roles, scope, passwords.encode(password), createdBy, clock.instant());
        if (phone != null && !phone.isBlank()) {
            phones.set(account, PhoneNumber.parse(phone));
        }
        return account;
    }

    /**
     * A VOLUNTEER account in one region with the password its holder chose (policy checked, hashed once, not
     * temporary) — for a volunteer who proved who they are and activated it themselves.
     */
    public Account newVolunteerWithChosenPassword(
            String username, String displayName, String phone, RegionCode region, String password, String createdBy) {
        checkPolicy(password, username);
        Account account = newAccount(
                username,
                displayName,
                phone,
                Set.of(Role.VOLUNTEER),
                DataScope.of(List.of(region)),
                password,
                createdBy);
        account.changePassword(account.passwordHash(), clock.instant());
        return account;
    }

    public void assign(Account account, Set<Role> roles, DataScope scope) {
        checkScope(scope);
        account.assign(roles, scope);
    }

    public String temporaryPassword() {
        return TemporaryPasswords.generate();
    }

    public void checkPolicy(String password, String username) {
        PasswordPolicy.check(password, username);
    }

    public String passwordHashOf(Account account) {
        return account.passwordHash();
    }

    public UsernamePasswordAuthenticationToken sessionOf(Account account) {
        return sessions.afterPassword(account);
    }

    public String maskedPhone(Account account) {
        return phones.masked(account);
    }

    private void checkScope(DataScope scope) {
        for (RegionCode code : scope.regions()) {
            if (!regions.exists(code)) {
                throw new InvalidValueException("access.account.unknownRegion", code.value());
            }
        }
    }
}
