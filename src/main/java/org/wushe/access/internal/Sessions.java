package org.wushe.access.internal;

import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.access.StaffPrincipal;
import org.wushe.access.web.PendingStepFilter;

/**
 * What a signed-in account's session may do now. Until every step is done — change a temporary password,
 * enrol an authenticator (required for admin roles), enter the current code — it carries only the authority of
 * the next step and an empty scope; then its roles and scope.
 */
@Component
class Sessions {

    private final boolean totpRequiredForAdmins;

    Sessions(@Value("${wushe.security.totp-required-for-admins:true}") boolean totpRequiredForAdmins) {
        this.totpRequiredForAdmins = totpRequiredForAdmins;
    }

    /** The session right after the password was checked. */
    UsernamePasswordAuthenticationToken afterPassword(Account account) {
        if (account.passwordTemporary()) {
            return pending(account, PendingStepFilter.PASSWORD_CHANGE_PENDING);
        }
        if (account.totpSecret() != null) {
            return pending(account, PendingStepFilter.TOTP_PENDING);
        }
        if (totpRequiredForAdmins && account.roles().stream().anyMatch(Role::isAdmin)) {
            return pending(account, PendingStepFilter.TOTP_ENROLMENT_PENDING);
        }
        return full(account);
    }

    /** The session once the second factor (if any) has been given. */
    UsernamePasswordAuthenticationToken afterSecondFactor(Account account) {
        return full(account);
    }

    private static UsernamePasswordAuthenticationToken pending(Account account, String step) {
        var principal =
                new StaffPrincipal(account.id(), account.username(), account.displayName(), Set.of(), DataScope.none());
        return UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority(step)));
    }

    private static UsernamePasswordAuthenticationToken full(Account account) {
        var principal = new StaffPrincipal(
                account.id(), account.username(), account.displayName(), account.roles(), account.scope());
        return UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                account.roles().stream()
                        .map(Role::authority)
                        .map(SimpleGrantedAuthority::new)
                        .toList());
    }
}
