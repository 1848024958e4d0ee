package org.wushe.residents.alerts;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.Accounts;
import org.wushe.access.Role;
import org.wushe.directory.socialworkers.SocialWorkerNotFoundException;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.notify.StaffInbox;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.RegionCode;

/**
 * Who is told about a resident at risk, and the telling: in-app notifications (message key + the resident's
 * record id, no personal data) plus an Activity for the audit trail, in the caller's transaction.
 */
@Component
public class Alerts {

    private final StaffInbox inbox;
    private final Accounts accounts;
    private final SocialWorkers socialWorkers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Alerts(
            StaffInbox inbox,
            Accounts accounts,
            SocialWorkers socialWorkers,
            ApplicationEventPublisher events,
            Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.socialWorkers = socialWorkers;
        this.events = events;
        this.clock = clock;
    }

    /** The account of the directory social worker, when the caller can see them and they have one. */
    public Optional<Long> socialWorkerAccount(Long socialWorkerId) {
        if (socialWorkerId == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(socialWorkers.get(socialWorkerId).accountId());
        } catch (SocialWorkerNotFoundException | AccessDeniedException e) {
            return Optional.empty();
        }
    }

    /** Staff holding any of {@code roles} whose scope covers the community. */
    public Set<Long> covering(RegionCode community, Role... roles) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Role role : roles) {
            ids.addAll(accounts.holdersCovering(role, community));
        }
        return ids;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int raise(
            Collection<Long> accountIds,
            String messageKey,
            List<String> args,
            String link,
            long residentId,
            RegionCode community,
            String actor,
            String what) {
        int n = accountIds.isEmpty() ? 0 : inbox.post(accountIds, messageKey, args, link);
        events.publishEvent(new Activity(
                clock.instant(),
                actor,
                AuditAction.CREATE,
                "resident_alert",
                Long.toString(residentId),
                community,
                null,
                null,
                List.of(what)));
        return n;
    }
}
