package org.wushe.access;

import java.io.Serializable;
import java.util.Set;

/** The signed-in staff member as kept in the session: who, with which roles, seeing what. */
public record StaffPrincipal(long accountId, String username, String displayName, Set<Role> roles, DataScope scope)
        implements Serializable, java.security.Principal {

    public StaffPrincipal {
        roles = Set.copyOf(roles);
    }

    /** The username: what sessions, logs and the audit trail name the caller by. */
    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
