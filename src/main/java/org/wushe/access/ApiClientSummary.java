package org.wushe.access;

import java.time.Instant;
import java.util.Set;

/** An API client as listed: never its token. {@code username} is what the audit trail calls it ({@code api:name}). */
public record ApiClientSummary(
        long id,
        String name,
        DataScope scope,
        Set<ApiPermission> permissions,
        String createdBy,
        Instant createdAt,
        Instant rotatedAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    public ApiClientSummary {
        permissions = Set.copyOf(permissions);
    }

    public String username() {
        return ApiClients.USERNAME_PREFIX + name;
    }

    public boolean active() {
        return revokedAt == null;
    }
}
