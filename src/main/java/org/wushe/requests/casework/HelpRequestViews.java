package org.wushe.requests.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.access.RoleGroup;
import org.wushe.access.StaffPrincipal;
import org.wushe.directory.StationContacts;
import org.wushe.platform.RateLimits;
import org.wushe.privacy.Masking;
import org.wushe.privacy.SensitiveData;
import org.wushe.privacy.SensitiveField;
import org.wushe.requests.HelpRequestNotFoundException;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.TrackingCodes;

/**
 * What one request shows: the staff view (viewing the description, health data, is audited; the phone is revealed
 * with a reason) and the resident's status page by tracking code (the code is the credential: unguessable, and
 * lookups are rate-limited per client address).
 */
@Service
public class HelpRequestViews {

    static final int LOOKUPS_PER_ADDRESS_PER_MINUTE = 60;

    private final HelpRequestStore store;
    private final HelpRequestReads reads;
    private final RateLimits rateLimits;
    private final CurrentUser currentUser;
    private final SensitiveData sensitiveData;
    private final Clock clock;
    private final StationContacts stations;

    HelpRequestViews(
            HelpRequestStore store,
            HelpRequestReads reads,
            RateLimits rateLimits,
            CurrentUser currentUser,
            SensitiveData sensitiveData,
            Clock clock,
            StationContacts stations) {
        this.clock = clock;
        this.stations = stations;
        this.store = store;
        this.reads = reads;
        this.rateLimits = rateLimits;
        this.currentUser = currentUser;
        this.sensitiveData = sensitiveData;
    }

    /** Public: the status page by tracking code, empty for an unknown code (rate-limited per address). */
    public Optional<PublicStatus> publicStatus(String trackingCode, String clientAddress) {
        rateLimits.hit(
                "requests-lookup-address",
                clientAddress == null ? "unknown" : clientAddress,
                LOOKUPS_PER_ADDRESS_PER_MINUTE,
                Duration.ofMinutes(1));
        String code = TrackingCodes.normalise(trackingCode);
        if (code == null) {
            return Optional.empty();
        }
        return store.idByTrackingCode(code).flatMap(store::loadUnscoped).map(r -> {
            List<String> handledBy = new ArrayList<>();
            if (r.organisationName() != null) {
                handledBy.add(r.organisationName());
            }
            if (r.worker() != null) {
                handledBy.add(Masking.name(r.worker().name()));
            }
            if (r.volunteer() != null) {
                handledBy.add(Masking.name(r.volunteer().name()));
            }
            var details = reads.timeline(r.id(), false).stream()
                    .filter(TimelineLine::isPublic)
                    .map(l -> new PublicStatus.PublicEvent(l.at(), l.kind(), publicDetail(l)))
                    .toList();
            Instant submitted = details.isEmpty() ? null : details.get(0).at();
            // the station a resident may call with a question: the one covering the request's place, if it
            // publishes a number (nothing is shown otherwise)
            var station = stations.covering(r.regionCode()).orElse(null);
            return new PublicStatus(
                    code,
                    store.category(r.id()),
                    r.priority(),
                    r.status(),
                    submitted,
                    handledBy,
                    details,
                    r.status().open(),
                    r.status().open() || r.status() == HelpRequestStatus.RESOLVED,
                    (r.status() == HelpRequestStatus.RESOLVED || r.status() == HelpRequestStatus.CLOSED)
                            && r.confirmedAt() == null,
                    r.rating(),
                    reads.firstContactDue(r.id()),
                    reads.resolutionDue(r.id()),
                    station == null
                            ? null
                            : new PublicStatus.Station(station.name(), station.phone(), station.telUri()));
        });
    }

    /** Only what a resident may read: the priority, the rating, the organisation a referral went to; no staff names or notes. */
    private static String publicDetail(TimelineLine line) {
        return switch (line.kind()) {
            case TRIAGED, CONFIRMED, REFERRAL_ACCEPTED, REFERRAL_COMPLETED -> line.detail();
            default -> null;
        };
    }

    /**
     * One request for staff in scope, or for its assigned social worker/volunteer; viewing the description
     * (health data) is recorded in the audit trail.
     */
    @PreAuthorize(RoleGroup.Guard.CASE_WORKERS + " or hasAuthority('PERM_HELP_REQUESTS_READ')")
    @Transactional
    public HelpRequestDetails details(long id) {
        StaffPrincipal me = currentUser.require();
        boolean staff = me.in(RoleGroup.HELP_REQUEST_STAFF);
        boolean assigneeOnly =
                !staff && me.roles().stream().anyMatch(r -> r == Role.SOCIAL_WORKER || r == Role.VOLUNTEER);
        HelpRequestDetails d = reads.details(assigneeOnly ? DataScope.none() : me.scope(), me.accountId(), id)
                .orElseThrow(HelpRequestNotFoundException::new);
        sensitiveData.viewed(new SensitiveField("help_request", Long.toString(id), d.regionCode(), "description"));
        // the worklist marks only open P1s unseen: opening any other request has nothing to record
        if (d.priority() == Priority.P1 && d.status().open()) {
            reads.markSeen(me.accountId(), id, clock.instant());
        }
        return d;
    }

    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    public String revealPhone(long id, String reason) {
        var r = store.load(currentUser.scope(), id).orElseThrow(HelpRequestNotFoundException::new);
        return sensitiveData.reveal(
                new SensitiveField("help_request", Long.toString(id), r.regionCode(), "phone"),
                reason,
                () -> reads.clearPhone(id));
    }
}
