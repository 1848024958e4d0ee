package org.wushe.requests.worklist;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.RoleGroup;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;

/**
 * The staff worklist of the green channel, "my requests" of assignees and the export, each in the caller's scope.
 * Public for the benchmark harness, which measures it at scale.
 */
@Service
public class Worklist {

    static final int EXPORT_LIMIT = 100_000;

    private final WorklistQueries queries;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Worklist(WorklistQueries queries, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.queries = queries;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The signed-in account (whose unseen P1 requests are marked), or none (an API client has seen nothing). */
    private long viewer() {
        return currentUser.principal().map(p -> p.accountId()).orElse(Long.MIN_VALUE);
    }

    /** The worklist of the caller's scope (staff, or an API client with PERM_HELP_REQUESTS_READ). */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF + " or hasAuthority('PERM_HELP_REQUESTS_READ')")
    @Transactional(readOnly = true)
    public WorklistPage worklist(WorklistFilter filter) {
        return queries.page(currentUser.scope(), null, viewer(), filter, clock.instant());
    }

    /** The requests assigned to the signed-in social worker or volunteer. */
    @PreAuthorize(RoleGroup.Guard.RESPONDERS)
    @Transactional(readOnly = true)
    public WorklistPage mine(WorklistFilter filter) {
        return queries.page(currentUser.scope(), currentUser.require().accountId(), viewer(), filter, clock.instant());
    }

    /** The newest id the caller's worklist shows: the live list compares it to know it must refresh. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional(readOnly = true)
    public long newestId(WorklistFilter filter) {
        return queries.newestId(currentUser.scope(), null, filter, clock.instant())
                .orElse(0L);
    }

    /** Every request of the filter (at most {@link #EXPORT_LIMIT}) for the xlsx export; audited. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional
    public void export(WorklistFilter filter, Consumer<HelpRequestRow> sink) {
        queries.each(currentUser.scope(), viewer(), filter, clock.instant(), EXPORT_LIMIT, sink);
        events.publishEvent(new Activity(
                clock.instant(),
                currentUser.username(),
                AuditAction.EXPORT,
                "help_request",
                null,
                null,
                currentUser.clientAddress().orElse(null),
                null,
                List.of("worklist")));
    }
}
