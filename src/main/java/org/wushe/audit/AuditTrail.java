package org.wushe.audit;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.DataScope;
import org.wushe.access.RoleGroup;
import org.wushe.access.StaffPrincipal;
import org.wushe.audit.internal.AuditQueries;
import org.wushe.audit.internal.ChainVerifier;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;

/**
 * The audit trail for auditors: search and export within their data scope, and verification of the hash
 * chain. It has no method that changes a row; rows arrive only as {@link Activity} events.
 */
@Service
public class AuditTrail {

    public static final List<Integer> PAGE_SIZES = List.of(10, 20, 50, 100);
    public static final int COUNT_LIMIT = 10_000;
    /** An xlsx sheet holds 1,048,576 rows; a larger export must be narrowed first. */
    public static final int EXPORT_LIMIT = 1_000_000;

    private final AuditQueries queries;
    private final ChainVerifier verifier;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuditTrail(
            AuditQueries queries,
            ChainVerifier verifier,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.queries = queries;
        this.verifier = verifier;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Page {@code page} (1-based) of the matching rows, newest first. */
    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query, int page, int size) {
        if (!PAGE_SIZES.contains(size)) {
            throw new InvalidValueException("audit.invalid.size");
        }
        if (page < 1) {
            throw new InvalidValueException("audit.invalid.page");
        }
        DataScope scope = currentUser.scope();
        long counted = queries.count(query, scope, COUNT_LIMIT + 1L);
        boolean capped = counted > COUNT_LIMIT;
        long total = Math.min(counted, COUNT_LIMIT);
        int shown = (int) Math.min(page, Math.max(1, (total + size - 1) / size));
        return new AuditPage(queries.page(query, scope, (long) (shown - 1) * size, size), shown, size, total, capped);
    }

    /**
     * Hands every matching row, newest first, to {@code sink} and records the export itself. The transaction
     * commits even if the sink fails half-way (it only reads), so an interrupted export is still recorded.
     */
    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional(noRollbackFor = Exception.class)
    public long export(AuditQuery query, Consumer<AuditEntry> sink) {
        DataScope scope = currentUser.scope();
        if (queries.count(query, scope, EXPORT_LIMIT + 1L) > EXPORT_LIMIT) {
            throw new InvalidValueException("audit.export.tooMany", EXPORT_LIMIT);
        }
        events.publishEvent(new Activity(
                clock.instant(),
                actor(),
                AuditAction.EXPORT,
                "audit_entry",
                null,
                scope.regions().size() == 1 ? scope.regions().iterator().next() : null,
                currentUser.clientAddress().orElse(null),
                null,
                query.applied()));
        return queries.forEach(query, scope, sink);
    }

    @PreAuthorize(RoleGroup.Guard.AUDIT_VERIFIERS)
    public ChainVerification verify() {
        return verifier.verify();
    }

    /** The staff member's username (Authentication.getName() would be the principal record's toString()). */
    private String actor() {
        return currentUser.principal().map(StaffPrincipal::username).orElseGet(currentUser::username);
    }
}
