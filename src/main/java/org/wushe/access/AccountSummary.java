package org.wushe.access;

import java.time.Instant;
import java.util.Set;

/** An account as administrators see it; the phone only masked. */
public record AccountSummary(
        long id,
        String username,
        String displayName,
        String maskedPhone,
        Set<Role> roles,
        DataScope scope,
        boolean enabled,
        Instant lockedUntil,
        boolean passwordTemporary) {}
