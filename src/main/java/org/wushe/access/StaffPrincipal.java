package org.wushe.access;

import java.io.Serializable;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

/** The signed-in staff member as kept in the session: who, with which roles, seeing what. */
public record StaffPrincipal(long accountId, String username, String displayName, Set<Role> roles, DataScope scope)
        implements Serializable, Principal {

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

    /** Whether any of this caller's roles belongs to {@code group}. */
    public boolean in(RoleGroup group) {
        return roles.stream().anyMatch(group::includes);
    }

    /** The roles this caller may hand out: what any of their roles {@linkplain Role#grants() grants}. */
    public Set<Role> grantableRoles() {
        Set<Role> grantable = EnumSet.noneOf(Role.class);
        roles.forEach(role -> grantable.addAll(role.grants()));
        return grantable;
    }

    /**
     * Whether this caller could grant all of {@code targetRoles} with {@code targetScope}: every role grantable,
     * every region inside the caller's scope, and — when the caller is bound to an organisation — the same
     * organisation. The one rule for granting <em>and</em> for acting on an existing account (disable, enable,
     * unlock, reset, reveal, permission change), applied to the roles and scope the account holds now, so nobody
     * takes over an account that holds more than they could have given it.
     */
    public boolean mayGrant(Set<Role> targetRoles, DataScope targetScope) {
        if (!grantableRoles().containsAll(targetRoles) || !scope.covers(targetScope)) {
            return false;
        }
        return scope.organisationId().isEmpty() || scope.organisationId().equals(targetScope.organisationId());
    }
}
