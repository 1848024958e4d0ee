package org.wushe.access.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.wushe.access.RoleGroup;

/**
 * The bean behind {@link RoleGroup.Guard}: whether the caller holds a role of a group. Reads the authorities,
 * as {@code hasAnyRole} does, so an API client's roles count as well as a signed-in person's.
 */
@Component("roleGroups")
public class RoleGroupGuard {

    public boolean includesCaller(String group) {
        RoleGroup named = RoleGroup.valueOf(group);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            return false;
        }
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(named.authorities()::contains);
    }
}
