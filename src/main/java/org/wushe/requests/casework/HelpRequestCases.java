package org.wushe.requests.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.Accounts;
import org.wushe.access.CurrentUser;
import org.wushe.access.Role;
import org.wushe.access.RoleGroup;
import org.wushe.access.StaffPrincipal;
import org.wushe.directory.DispatchCandidates;
import org.wushe.directory.OrgType;
import org.wushe.notify.MessageKind;
import org.wushe.notify.Notifications;
import org.wushe.notify.StaffInbox;
import org.wushe.requests.Category;
import org.wushe.requests.HelpRequestAssigned;
import org.wushe.requests.HelpRequestClosed;
import org.wushe.requests.HelpRequestId;
import org.wushe.requests.HelpRequestNotFoundException;
import org.wushe.requests.Priority;
import org.wushe.requests.ServiceType;
import org.wushe.requests.TrackingCodes;
import org.wushe.requests.UrgentRequests;
import org.wushe.requests.casework.HelpRequest.Party;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/**
 * Case work on a request once it is in: triage, assignment with ranked suggestions (社工+志愿者), acceptance or
 * decline by the assignee, referral to an organisation, resolution, closure, follow-up — and the resident's own
 * actions by tracking code. Each change goes through the {@link HelpRequest} or {@link Referral} aggregate, is
 * audited, and tells the resident by SMS when it concerns them (no personal data in the text).
 */
@Service
public class HelpRequestCases {

    static final Set<OrgType> ASSIGNABLE_ORGS = EnumSet.of(
            OrgType.STATION,
            OrgType.COMMUNITY_SW_ROOM,
            OrgType.COMMUNITY_VOLUNTEER_STATION,
            OrgType.COMMUNITY_COMMITTEE,
            OrgType.AGENCY);
    static final Set<OrgType> REFERRAL_ORGS = EnumSet.of(
            OrgType.HOSPITAL_SW_DEPT,
            OrgType.COMMUNITY_COMMITTEE,
            OrgType.CHARITY,
            OrgType.FOUNDATION,
            OrgType.VOLUNTEER_ORG,
            OrgType.PUBLIC_INSTITUTION,
            OrgType.AGENCY,
            OrgType.STATION);

    private final HelpRequestStore store;
    private final HelpRequestReads reads;
    private final ReferralStore referrals;
    private final DispatchCandidates candidates;
    private final Matching matching;
    private final Notifications notifications;
    private final StaffInbox inbox;
    private final CurrentUser currentUser;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UrgentRequests urgentRequests;

    HelpRequestCases(
            HelpRequestStore store,
            HelpRequestReads reads,
            ReferralStore referrals,
            DispatchCandidates candidates,
            Matching matching,
            Notifications notifications,
            StaffInbox inbox,
            CurrentUser currentUser,
            Accounts accounts,
            ApplicationEventPublisher events,
            Clock clock,
            UrgentRequests urgentRequests) {
        this.urgentRequests = urgentRequests;
        this.accounts = accounts;
        this.store = store;
        this.reads = reads;
        this.referrals = referrals;
        this.candidates = candidates;
        this.matching = matching;
        this.notifications = notifications;
        this.inbox = inbox;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional
    public void triage(long id, Priority priority) {
        HelpRequest r = load(id);
        Priority before = r.priority();
        r.triage(priority, actor());
        save(r, "priority");
        if (priority == Priority.P1 && before != Priority.P1) {
            urgentRequests.announce(
                    id, r.trackingCode(), r.regionCode(), priority, reads.firstContactDue(id), clock.instant());
        }
    }

    /** Ranked candidates: same community first, matching specialty/skill, lowest open load, on duty. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional(readOnly = true)
    public Suggestions suggestions(long id) {
        HelpRequest r = load(id);
        RegionCode place = r.regionCode();
        Category category = store.category(id);
        return matching.rank(
                category, place, candidates.organisations(place, ASSIGNABLE_ORGS), candidates.pools(place, id));
    }

    /** Organisations a request can be referred to (hospital social-work departments, committees, charities …). */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional(readOnly = true)
    public List<DispatchCandidates.Organisation> referralTargets(long id) {
        HelpRequest r = load(id);
        return candidates.organisations(r.regionCode(), REFERRAL_ORGS);
    }

    /** Assigns (or reassigns) an organisation, a social worker and/or a volunteer chosen among the candidates. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional
    public void assign(long id, Long organisationId, Long socialWorkerId, Long volunteerId) {
        HelpRequest r = load(id);
        RegionCode place = r.regionCode();
        var org = organisationId == null
                ? null
                : candidates
                        .organisation(place, ASSIGNABLE_ORGS, organisationId)
                        .orElseThrow(() -> new InvalidValueException("requests.error.assigneeUnknown"));
        HelpRequest.Assignee worker =
                socialWorkerId == null ? null : assignee(candidates.socialWorker(place, socialWorkerId));
        HelpRequest.Assignee volunteer =
                volunteerId == null ? null : assignee(candidates.volunteer(place, volunteerId));
        r.assign(org == null ? null : org.id(), org == null ? null : org.name(), worker, volunteer, actor());
        save(r, "assignment");
        List<Long> told = new ArrayList<>();
        if (worker != null && worker.accountId() != null) {
            told.add(worker.accountId());
        }
        if (volunteer != null && volunteer.accountId() != null) {
            told.add(volunteer.accountId());
        }
        inbox.post(
                told, "requests.inbox.assigned", List.of(TrackingCodes.display(r.trackingCode())), "/requests/" + id);
        sms(r, MessageKind.REQUEST_ASSIGNED);
        events.publishEvent(new HelpRequestAssigned(
                new HelpRequestId(id),
                r.regionCode(),
                org == null ? null : org.id(),
                worker == null ? null : worker.id(),
                volunteer == null ? null : volunteer.id()));
    }

    /** Assigns the same people to several requests (each must be in scope); returns how many were assigned. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional
    public int bulkAssign(List<Long> ids, Long organisationId, Long socialWorkerId, Long volunteerId) {
        if (ids == null || ids.isEmpty() || ids.size() > 100) {
            throw new InvalidValueException("requests.error.bulkSize", 100);
        }
        ids.forEach(id -> assign(id, organisationId, socialWorkerId, volunteerId));
        return ids.size();
    }

    /** Anyone who can act at the place may be assigned, not only those a suggestion list happened to show. */
    private static HelpRequest.Assignee assignee(Optional<DispatchCandidates.Person> person) {
        return person.map(p -> new HelpRequest.Assignee(p.id(), p.accountId(), p.name()))
                .orElseThrow(() -> new InvalidValueException("requests.error.assigneeUnknown"));
    }

    /**
     * The assignee accepts: the signed-in social worker or volunteer for themselves, or staff in scope recording
     * the acceptance the assignee gave by phone.
     */
    @PreAuthorize(RoleGroup.Guard.CASE_WORKERS)
    @Transactional
    public void accept(long id, Party party) {
        HelpRequest r = loadForAssigneeOrStaff(id);
        Party which = partyOf(r, party);
        r.accept(which, actor(), clock.instant());
        save(r, "accepted");
        sms(r, MessageKind.REQUEST_ACCEPTED);
    }

    @PreAuthorize(RoleGroup.Guard.CASE_WORKERS)
    @Transactional
    public void decline(long id, Party party, String reason) {
        HelpRequest r = loadForAssigneeOrStaff(id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("requests.error.reasonRequired");
        }
        r.decline(partyOf(r, party), reason, actor());
        save(r, "declined");
        inbox.post(
                accounts.holdersCovering(Role.STATION_STAFF, r.regionCode()),
                "requests.inbox.declined",
                List.of(TrackingCodes.display(r.trackingCode())),
                "/requests/" + id);
    }

    @PreAuthorize(RoleGroup.Guard.CASE_WORKERS)
    @Transactional
    public void start(long id) {
        HelpRequest r = loadForAssigneeOrStaff(id);
        r.start(actor(), clock.instant());
        save(r, "status");
    }

    @PreAuthorize(RoleGroup.Guard.CASE_WORKERS)
    @Transactional
    public void resolve(long id, String summary, List<ServiceType> serviceTypes, int personTimes) {
        HelpRequest r = loadForAssigneeOrStaff(id);
        r.resolve(summary, serviceTypes, personTimes, actor(), clock.instant());
        save(r, "resolution");
        sms(r, MessageKind.REQUEST_RESOLVED);
    }

    /** Closes a resolved request; refused while a referral is pending or accepted. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional
    public void close(long id) {
        HelpRequest r = load(id);
        r.close(referrals.openCount(id), actor(), clock.instant());
        save(r, "status");
        sms(r, MessageKind.REQUEST_CLOSED);
        events.publishEvent(new HelpRequestClosed(
                new HelpRequestId(id),
                r.regionCode(),
                store.category(id),
                r.serviceTypes(),
                r.personTimes(),
                r.organisationId(),
                r.worker() == null ? null : r.worker().id(),
                r.volunteer() == null ? null : r.volunteer().id(),
                r.closedAt()));
    }

    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional
    public void cancel(long id, String reason) {
        HelpRequest r = load(id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("requests.error.reasonRequired");
        }
        r.cancel(reason, actor());
        save(r, "status");
        sms(r, MessageKind.REQUEST_CANCELLED);
    }

    /** An internal note (never shown to the resident). */
    @PreAuthorize(RoleGroup.Guard.CASE_WORKERS)
    @Transactional
    public void note(long id, String text) {
        HelpRequest r = loadForAssigneeOrStaff(id);
        r.addInformation(text, actor(), false);
        store.appendEntries(id, r.drainEntries(), clock.instant());
        audit(r, AuditAction.UPDATE, "note");
    }

    /** Refers (a part of) the request to an organisation; its staff accept, reject or complete it. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional
    public long refer(long id, long organisationId, String part) {
        HelpRequest r = load(id);
        var org = candidates
                .organisation(r.regionCode(), REFERRAL_ORGS, organisationId)
                .orElseThrow(() -> new InvalidValueException("requests.error.assigneeUnknown"));
        Referral.Moved opened = Referral.open(r.status(), id, org.id(), org.name(), part, actor());
        long referralId = referrals.insert(opened.referral(), actor(), clock.instant());
        store.appendEntries(id, List.of(opened.happened()), clock.instant());
        audit(r, AuditAction.CREATE, "referral");
        return referralId;
    }

    /** Staff of the request withdraw a referral that is no longer needed. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional
    public void withdrawReferral(long referralId) {
        Referral f = referrals.load(referralId).orElseThrow(HelpRequestNotFoundException::new);
        HelpRequest r = load(f.requestId());
        save(f, f.withdraw(actor()));
        audit(r, AuditAction.UPDATE, "referral");
    }

    /** The referrals to the caller's organisation (its staff: accounts whose scope names that organisation). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ReferralView> referralsToMyOrganisation() {
        return currentUser
                .scope()
                .organisationId()
                .map(org -> referrals.ofOrganisation(org, 200))
                .orElse(List.of());
    }

    /** The receiving organisation accepts, rejects or completes a referral, with a relay note (信息传递). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void actOnReferral(long referralId, ReferralStatus to, String note) {
        Referral f = referrals.load(referralId).orElseThrow(HelpRequestNotFoundException::new);
        if (currentUser
                .scope()
                .organisationId()
                .filter(org -> org == f.organisationId())
                .isEmpty()) {
            throw new HelpRequestNotFoundException();
        }
        save(f, f.answer(to, note, actor()));
        audit(
                store.loadUnscoped(f.requestId()).orElseThrow(HelpRequestNotFoundException::new),
                AuditAction.UPDATE,
                "referral");
    }

    /** Writes a referral's transition unless someone moved it meanwhile, and its line on the request's timeline. */
    private void save(Referral before, Referral.Moved moved) {
        if (!referrals.save(moved.referral(), before.status(), clock.instant())) {
            throw new InvalidValueException("requests.error.referralState");
        }
        store.appendEntries(before.requestId(), List.of(moved.happened()), clock.instant());
    }

    /** A follow-up call (回访) after resolution: reached or not, satisfaction 1–5, a note. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional
    public void followUp(long id, boolean reached, Integer satisfaction, String note) {
        HelpRequest r = load(id);
        r.followUp(reached, satisfaction, actor());
        store.followUp(id, actor(), reached, reached ? satisfaction : null, note, clock.instant());
        store.appendEntries(id, r.drainEntries(), clock.instant());
        audit(r, AuditAction.CREATE, "followUp");
    }

    /** The escalation job's line on the timeline of a request it moved to {@code level}. */
    @Transactional
    public void escalated(long id, int level, Instant now) {
        HelpRequest r = store.loadUnscoped(id).orElseThrow(HelpRequestNotFoundException::new);
        r.escalated(level);
        store.appendEntries(id, r.drainEntries(), now);
    }

    // ---- the resident, by tracking code (the code is the credential: unguessable, rate-limited lookups) ----

    @Transactional
    public void residentAddsInformation(String trackingCode, String text) {
        HelpRequest r = byCode(trackingCode);
        r.addInformation(text, "resident", true);
        store.appendEntries(r.id(), r.drainEntries(), clock.instant());
        audit(r, AuditAction.UPDATE, "information");
    }

    @Transactional
    public void residentCancels(String trackingCode) {
        HelpRequest r = byCode(trackingCode);
        r.cancel(null, "resident");
        save(r, "status");
        sms(r, MessageKind.REQUEST_CANCELLED_AS_ASKED);
    }

    @Transactional
    public void residentConfirms(String trackingCode, Integer rating) {
        HelpRequest r = byCode(trackingCode);
        r.confirm(rating, false, clock.instant());
        save(r, "confirmation");
    }

    /** The job's automatic confirmation after the configured days. */
    @Transactional
    public boolean autoConfirm(long id, Instant now) {
        HelpRequest r = store.loadUnscoped(id).orElseThrow(HelpRequestNotFoundException::new);
        if (r.confirmedAt() != null) {
            return false;
        }
        r.confirm(null, true, now);
        store.save(r, now);
        return true;
    }

    private HelpRequest byCode(String trackingCode) {
        String code = TrackingCodes.normalise(trackingCode);
        return Optional.ofNullable(code)
                .flatMap(store::idByTrackingCode)
                .flatMap(store::loadUnscoped)
                .orElseThrow(HelpRequestNotFoundException::new);
    }

    private HelpRequest load(long id) {
        return store.load(currentUser.scope(), id).orElseThrow(HelpRequestNotFoundException::new);
    }

    /** Staff in scope, or the assigned social worker/volunteer themselves. */
    private HelpRequest loadForAssigneeOrStaff(long id) {
        StaffPrincipal me = currentUser.require();
        boolean staff = me.in(RoleGroup.HELP_REQUEST_STAFF);
        if (staff) {
            return load(id);
        }
        HelpRequest r = store.loadUnscoped(id).orElseThrow(HelpRequestNotFoundException::new);
        if (!isMine(r.worker(), me) && !isMine(r.volunteer(), me)) {
            throw new HelpRequestNotFoundException();
        }
        return r;
    }

    private static boolean isMine(HelpRequest.Assignee a, StaffPrincipal me) {
        return a != null && a.accountId() != null && a.accountId() == me.accountId();
    }

    /** For an assignee acting themselves, their own party; staff say which party they record. */
    private Party partyOf(HelpRequest r, Party requested) {
        StaffPrincipal me = currentUser.require();
        if (isMine(r.worker(), me)) {
            return Party.WORKER;
        }
        if (isMine(r.volunteer(), me)) {
            return Party.VOLUNTEER;
        }
        if (requested == null) {
            throw new InvalidValueException("requests.error.notAssigned");
        }
        return requested;
    }

    private void save(HelpRequest r, String field) {
        store.save(r, clock.instant());
        audit(r, AuditAction.UPDATE, field);
    }

    /** Tells the resident, by an SMS of {@code kind} carrying the request's tracking code. */
    private void sms(HelpRequest r, MessageKind kind) {
        notifications.send(PhoneNumber.parse(reads.clearPhone(r.id())), kind, TrackingCodes.display(r.trackingCode()));
    }

    private void audit(HelpRequest r, AuditAction action, String field) {
        events.publishEvent(new Activity(
                clock.instant(),
                actor(),
                action,
                "help_request",
                Long.toString(r.id()),
                r.regionCode(),
                currentUser.clientAddress().orElse(null),
                null,
                List.of(field)));
    }

    private String actor() {
        return currentUser.principal().map(StaffPrincipal::username).orElse("resident");
    }
}
