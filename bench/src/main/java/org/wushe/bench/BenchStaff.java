package org.wushe.bench;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.access.StaffPrincipal;
import org.wushe.shared.RegionCode;

/**
 * Runs façade calls as a staff member with a role and a region scope, as a signed-in user would (the same
 * @PreAuthorize checks and DataScope predicates apply); used where a scenario measures a façade, not HTTP.
 */
record BenchStaff(String username, Role role, DataScope scope) {

    static BenchStaff as(String username, Role role, String... regions) {
        return new BenchStaff(
                username,
                role,
                DataScope.of(Arrays.stream(regions).map(RegionCode::parse).toList()));
    }

    <T> T call(Callable<T> work) throws Exception {
        var principal = new StaffPrincipal(-1, username, username, Set.of(role), scope);
        var token = UsernamePasswordAuthenticationToken.authenticated(
                principal, null, Set.of(new SimpleGrantedAuthority(role.authority())));
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(token));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
