package org.wushe.access;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.wushe.shared.RegionCode;

/**
 * Test support: a staff member with given roles and scope, in one line —
 * {@code Staff.as(Role.STATION_STAFF).in("310101").call(() -> residents.list(...))} for façades, or
 * {@code mvc.get().uri(...).with(Staff.as(Role.AUDITOR).wholeCountry().request())} for MockMvc.
 */
public final class Staff {

    private final Set<Role> roles;
    private final DataScope scope;
    private final String username;

    private Staff(Set<Role> roles, DataScope scope, String username) {
        this.roles = roles;
        this.scope = scope;
        this.username = username;
    }

    public static Staff as(Role... roles) {
        return new Staff(
                Set.of(roles),
                DataScope.none(),
                "test-"
                        + Arrays.stream(roles)
                                .map(Role::name)
                                .collect(Collectors.joining("-"))
                                .toLowerCase());
    }

    public Staff in(String... regionCodes) {
        return new Staff(
                roles,
                DataScope.of(Arrays.stream(regionCodes).map(RegionCode::parse).toList())
                        .withOrganisationOf(scope),
                username);
    }

    public Staff wholeCountry() {
        return new Staff(roles, DataScope.country(), username);
    }

    public Staff organisation(long organisationId) {
        return new Staff(roles, scope.withOrganisation(organisationId), username);
    }

    public Staff named(String name) {
        return new Staff(roles, scope, name);
    }

    public StaffPrincipal principal() {
        return new StaffPrincipal(-1, username, username, roles, scope);
    }

    public UsernamePasswordAuthenticationToken authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(
                principal(),
                null,
                roles.stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList());
    }

    /** For MockMvc: the request runs as this staff member. */
    public RequestPostProcessor request() {
        return SecurityMockMvcRequestPostProcessors.authentication(authentication());
    }

    /** Runs {@code work} as this staff member (for façade calls in tests). */
    public <T> T call(Callable<T> work) {
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(authentication()));
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
