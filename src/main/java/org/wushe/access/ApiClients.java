package org.wushe.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.internal.ApiClientStore;
import org.wushe.access.internal.ApiTokens;
import org.wushe.platform.ResourceNotFoundException;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * Other systems calling Wushe's API (a 12345 hotline platform forwarding help requests): a civil-affairs
 * administrator creates a client with a region scope and permissions, hands its token over once, and may rotate
 * or revoke it. Calls then carry {@code Authorization: Bearer <token>} and run as {@code api:<name>}.
 */
@Service
public class ApiClients {

    public static final String USERNAME_PREFIX = "api:";
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{2,31}");

    private final ApiClientStore store;
    private final ApiTokens tokens;
    private final KnownRegions knownRegions;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiClients(
            ApiClientStore store,
            ApiTokens tokens,
            KnownRegions knownRegions,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.knownRegions = knownRegions;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The clients whose whole scope lies in the caller's, by name (revoked ones too: they explain old audit rows). */
    @PreAuthorize(RoleGroup.Guard.CIVIL_AFFAIRS)
    @Transactional(readOnly = true)
    public List<ApiClientSummary> list() {
        return store.visible(currentUser.scope());
    }

    @PreAuthorize(RoleGroup.Guard.CIVIL_AFFAIRS)
    @Transactional(readOnly = true)
    public ApiClientSummary get(long id) {
        return store.findVisible(id, currentUser.scope()).orElseThrow(() -> new ApiClientNotFoundException(id));
    }

    @PreAuthorize(RoleGroup.Guard.CIVIL_AFFAIRS)
    @Transactional
    public IssuedApiToken create(String name, DataScope scope, Set<ApiPermission> permissions) {
        String clean = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(clean).matches()) {
            throw new InvalidValueException("access.apiClient.nameInvalid");
        }
        if (permissions == null || permissions.isEmpty()) {
            throw new InvalidValueException("access.apiClient.permissionsRequired");
        }
        if (!scope.wholeCountry() && scope.regions().isEmpty()) {
            throw new InvalidValueException("access.apiClient.scopeRequired");
        }
        for (RegionCode region : scope.regions()) {
            if (!knownRegions.exists(region)) {
                throw new InvalidValueException("region.notFound", region.value());
            }
        }
        if (!currentUser.scope().covers(scope)) {
            throw new AccessDeniedException("access.account.grantTooWide");
        }
        if (store.nameTaken(clean)) {
            throw new InvalidValueException("access.apiClient.nameTaken", clean);
        }
        ApiTokens.NewToken token = tokens.generate();
        DataScope stored =
                scope.wholeCountry() ? DataScope.country() : DataScope.of(scope.regions()); // no organisation
        long id = store.insert(
                clean, stored, permissions, token.tokenId(), token.hash(), currentUser.username(), clock.instant());
        ApiClientSummary client = get(id);
        audit(AuditAction.CREATE, client, List.of("name", "scope", "permissions", "token"), null);
        return new IssuedApiToken(client, token.token());
    }

    /** The old token stops working at once; the new one is shown once. */
    @PreAuthorize(RoleGroup.Guard.CIVIL_AFFAIRS)
    @Transactional
    public IssuedApiToken rotate(long id) {
        ApiClientSummary client = get(id);
        ApiTokens.NewToken token = tokens.generate();
        if (!store.replaceToken(client.id(), token.tokenId(), token.hash(), clock.instant())) {
            throw new InvalidValueException("access.apiClient.revoked", client.name());
        }
        audit(AuditAction.UPDATE, client, List.of("token"), "rotate");
        return new IssuedApiToken(get(id), token.token());
    }

    @PreAuthorize(RoleGroup.Guard.CIVIL_AFFAIRS)
    @Transactional
    public void revoke(long id) {
        ApiClientSummary client = get(id);
        if (store.revoke(client.id(), currentUser.username(), clock.instant())) {
            audit(AuditAction.UPDATE, client, List.of("revokedAt"), "revoke");
        }
    }

    private void audit(AuditAction action, ApiClientSummary client, List<String> fields, String reason) {
        Instant now = clock.instant();
        events.publishEvent(new Activity(
                now,
                currentUser.username(),
                action,
                "api_client",
                String.valueOf(client.id()),
                ApiTokens.homeRegion(client),
                currentUser.clientAddress().orElse(null),
                reason,
                fields));
    }

    /** Absent, or outside the caller's scope (the same answer). */
    public static class ApiClientNotFoundException extends ResourceNotFoundException {
        ApiClientNotFoundException(long id) {
            super("access.apiClient.notFound", id);
        }
    }
}
