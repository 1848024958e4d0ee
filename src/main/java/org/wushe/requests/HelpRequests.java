package org.wushe.requests;

import org.wushe.access.RoleGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.CurrentUser;
import org.wushe.access.StaffPrincipal;
import org.wushe.notify.Notifications;
import org.wushe.platform.RateLimits;
import org.wushe.privacy.CryptoService;
import org.wushe.privacy.SensitiveData;
import org.wushe.privacy.SensitiveField;
import org.wushe.requests.internal.Answers;
import org.wushe.requests.internal.HelpRequestReads;
import org.wushe.requests.internal.HelpRequestStore;
import org.wushe.requests.internal.IntakePlaces;
import org.wushe.requests.internal.NewHelpRequest;
import org.wushe.requests.internal.PhoneVerifications;
import org.wushe.requests.internal.TrackingCodes;
import org.wushe.requests.internal.TriageRules;
import org.wushe.requests.internal.WorklistQueries;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/**
 * Intake and the staff worklist of the green channel. The public submit path is lean on purpose (a surge of
 * requests is its normal case): rate limits and the phone check each in their own short transaction before
 * any work, validation without the database, then one transaction of a single insert statement (request,
 * timeline, related-request flag), the SMS in the outbox and the audit event. A repeated submission key
 * returns the request it created. Case work (assign, refer, close …) is in {@link HelpRequestCases}.
 */
@Service
public class HelpRequests {

    static final int CODES_PER_PHONE_PER_HOUR = 5;
    static final int CODES_PER_ADDRESS_PER_HOUR = 30;
    static final int SUBMITS_PER_PHONE_PER_HOUR = 10;
    static final int SUBMITS_PER_ADDRESS_PER_HOUR = 60;
    static final int LOOKUPS_PER_ADDRESS_PER_MINUTE = 60;
    static final int EXPORT_LIMIT = 100_000;

    private final HelpRequestStore store;
    private final HelpRequestReads reads;
    private final WorklistQueries worklist;
    private final TriageRules triage;
    private final PhoneVerifications verifications;
    private final IntakePlaces places;
    private final Notifications notifications;
    private final RateLimits rateLimits;
    private final CurrentUser currentUser;
    private final SensitiveData sensitiveData;
    private final CryptoService crypto;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final TrackingCodes codes = new TrackingCodes();

    HelpRequests(HelpRequestStore store, HelpRequestReads reads, WorklistQueries worklist, TriageRules triage,
            PhoneVerifications verifications, IntakePlaces places, Notifications notifications,
            RateLimits rateLimits, CurrentUser currentUser, SensitiveData sensitiveData, CryptoService crypto,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.reads = reads;
        this.worklist = worklist;
        this.triage = triage;
        this.verifications = verifications;
        this.places = places;
        this.notifications = notifications;
        this.rateLimits = rateLimits;
        this.currentUser = currentUser;
        this.sensitiveData = sensitiveData;
        this.crypto = crypto;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Public: sends a 6-digit SMS code; rate-limited per client address and per phone. */
    public void requestCode(String rawPhone, String clientAddress) {
        RateLimits.Limit perAddress = new RateLimits.Limit("requests-code-address", address(clientAddress),
                CODES_PER_ADDRESS_PER_HOUR, Duration.ofHours(1));
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(rawPhone);
            if (!phone.isMobile()) {
                throw new InvalidValueException("requests.field.phone.mobile");
            }
        } catch (InvalidValueException e) {
            rateLimits.hit(perAddress); // a bad phone still counts against the address
            throw new IntakeRejectedException(java.util.Map.of("phone", e));
        }
        rateLimits.hit(perAddress, new RateLimits.Limit("requests-code-phone", crypto.rateLimitKey("phone",
                phone.value()), CODES_PER_PHONE_PER_HOUR, Duration.ofHours(1)));
        tx.executeWithoutResult(s -> {
            String code = verifications.issue(phone, clock.instant());
            notifications.sendTemplate(phone, "requests.code", code);
        });
    }

    /**
     * Public intake. {@code phoneAlreadyVerified} is the phone this browser session verified less than 30 minutes
     * ago (then no code is needed for it). Throws {@link IntakeRejectedException} with every bad field.
     */
    public Submission submit(Intake intake, String clientAddress, Optional<String> phoneAlreadyVerified) {
        RateLimits.Limit perAddress = new RateLimits.Limit("requests-submit-address", address(clientAddress),
                SUBMITS_PER_ADDRESS_PER_HOUR, Duration.ofHours(1));
        boolean sessionVerified = phoneAlreadyVerified.isPresent() && intake.phone() != null
                && phoneAlreadyVerified.get().equals(normalisedOrNull(intake.phone()));
        IntakeValidator.Valid v;
        try {
            v = IntakeValidator.validate(intake, places::contains, !sessionVerified);
        } catch (IntakeRejectedException e) {
            rateLimits.hit(perAddress); // rejected input still counts against the address
            throw e;
        }
        rateLimits.hit(perAddress, new RateLimits.Limit("requests-submit-phone", crypto.rateLimitKey("phone",
                v.phone().value()), SUBMITS_PER_PHONE_PER_HOUR, Duration.ofHours(1)));
        byte[] phoneIndex = store.phoneIndex(v.phone().value());
        Instant now = clock.instant();
        if (!sessionVerified) {
            try {
                verifications.verify(v.phone(), phoneIndex, intake.code(), now);
            } catch (InvalidValueException e) {
                throw new IntakeRejectedException(java.util.Map.of("code", e));
            }
        }
        return write(v, phoneIndex, Channel.ONLINE, "resident", clientAddress, now);
    }

    /** Staff record a request on behalf of a caller (hotline, community online group, walk-in); no SMS code. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    public Submission record(Intake intake, Channel channel) {
        if (channel == null || channel == Channel.ONLINE || channel == Channel.HOTLINE_12345) {
            throw new IntakeRejectedException(java.util.Map.of("channel",
                    new InvalidValueException("requests.field.channel.required")));
        }
        IntakeValidator.Valid v = inCallersScope(IntakeValidator.validate(intake, places::contains, false));
        return write(v, store.phoneIndex(v.phone().value()), channel, currentUser.username(),
                currentUser.clientAddress().orElse(null), clock.instant());
    }

    /**
     * Another system (such as the 12345 hotline platform) forwards a request with its API client token; the place
     * must lie in the client's scope, as for staff (a client without a region scope can place nothing).
     */
    @PreAuthorize("hasAuthority('PERM_HELP_REQUESTS_SUBMIT')")
    public Submission forward(Intake intake) {
        IntakeValidator.Valid v = inCallersScope(IntakeValidator.validate(intake, places::contains, false));
        return write(v, store.phoneIndex(v.phone().value()), Channel.HOTLINE_12345, currentUser.username(),
                currentUser.clientAddress().orElse(null), clock.instant());
    }

    /** A request placed outside the caller's scope is refused like a bad field, before anything is written. */
    private IntakeValidator.Valid inCallersScope(IntakeValidator.Valid v) {
        if (!currentUser.scope().contains(RegionCode.parse(v.regionCode()))) {
            throw new IntakeRejectedException(java.util.Map.of("communityCode",
                    new InvalidValueException("requests.field.community.outOfScope")));
        }
        return v;
    }

    private Submission write(IntakeValidator.Valid v, byte[] phoneIndex, Channel channel, String by,
            String clientAddress, Instant now) {
        var outcome = triage.evaluate(v.category(), v.answers().entrySet().stream()
                .filter(java.util.Map.Entry::getValue).map(java.util.Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet()), now);
        java.util.Map<String, Boolean> answers = new java.util.LinkedHashMap<>(v.answers());
        answers.remove(Category.FELT_VERY_URGENT);
        NewHelpRequest request = new NewHelpRequest(v.submissionKey(), channel, v.category(), v.forWhom(),
                v.regionCode(), v.address(), v.phone(), phoneIndex, v.description(), Answers.format(answers),
                v.urgency(), outcome, now, by);
        return tx.execute(s -> {
            for (int attempt = 0; attempt < 5; attempt++) {
                String code = codes.next();
                Optional<Long> id = store.insert(request, code);
                if (id.isPresent()) {
                    notifications.sendTemplate(v.phone(), "requests.submitted", TrackingCodes.display(code));
                    events.publishEvent(new HelpRequestSubmitted(new HelpRequestId(id.get()), v.regionCode(),
                            v.category(), outcome.priority(), channel));
                    events.publishEvent(new Activity(now, by, AuditAction.CREATE, "help_request",
                            Long.toString(id.get()), RegionCode.parse(v.regionCode()), clientAddress, null,
                            List.of("category", "description", "phone", "address", "answers", "channel")));
                    return new Submission(id.get(), code, outcome.priority(), HelpRequestStatus.TRIAGED, false);
                }
                if (v.submissionKey() != null) {
                    var existing = store.bySubmissionKey(v.submissionKey());
                    if (existing.isPresent()) {
                        if (!java.util.Arrays.equals(existing.get().phoneIndex(), phoneIndex)) {
                            throw new IntakeRejectedException(java.util.Map.of("submissionKey",
                                    new InvalidValueException("requests.field.submissionKey.invalid")));
                        }
                        var w = existing.get();
                        return new Submission(w.id(), w.trackingCode(), w.priority(), w.status(), true);
                    }
                }
            }
            throw new IllegalStateException("no free tracking code after 5 attempts");
        });
    }

    /** Public: the status page by tracking code, empty for an unknown code (rate-limited per address). */
    public Optional<PublicStatus> publicStatus(String trackingCode, String clientAddress) {
        rateLimits.hit("requests-lookup-address", address(clientAddress), LOOKUPS_PER_ADDRESS_PER_MINUTE,
                Duration.ofMinutes(1));
        String code = TrackingCodes.normalise(trackingCode);
        if (code == null) {
            return Optional.empty();
        }
        return store.idByTrackingCode(code).flatMap(store::loadUnscoped).map(r -> {
            List<String> handledBy = new java.util.ArrayList<>();
            if (r.organisationName() != null) {
                handledBy.add(r.organisationName());
            }
            if (r.worker() != null) {
                handledBy.add(org.wushe.privacy.Masking.name(r.worker().name()));
            }
            if (r.volunteer() != null) {
                handledBy.add(org.wushe.privacy.Masking.name(r.volunteer().name()));
            }
            var details = reads.timeline(r.id(), false).stream().filter(TimelineLine::isPublic)
                    .map(l -> new PublicStatus.PublicEvent(l.at(), l.kind(), publicDetail(l))).toList();
            Instant submitted = details.isEmpty() ? null : details.get(0).at();
            return new PublicStatus(code, categoryOf(r.id()), r.priority(), r.status(), submitted, handledBy, details,
                    r.status().open(), r.status().open() || r.status() == HelpRequestStatus.RESOLVED,
                    (r.status() == HelpRequestStatus.RESOLVED || r.status() == HelpRequestStatus.CLOSED)
                            && r.confirmedAt() == null, r.rating());
        });
    }

    private Category categoryOf(long id) {
        return store.category(id);
    }

    /** Only what a resident may read: the priority, the rating, the organisation a referral went to; no staff names or notes. */
    private static String publicDetail(TimelineLine line) {
        return switch (line.kind()) {
            case "TRIAGED", "CONFIRMED", "REFERRAL_ACCEPTED", "REFERRAL_COMPLETED" -> line.detail();
            default -> null;
        };
    }

    /** The worklist of the caller's scope (staff, or an API client with PERM_HELP_REQUESTS_READ). */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF + " or hasAuthority('PERM_HELP_REQUESTS_READ')")
    @Transactional(readOnly = true)
    public WorklistPage worklist(WorklistFilter filter) {
        return worklist.page(currentUser.scope(), null, filter, clock.instant());
    }

    /** The requests assigned to the signed-in social worker or volunteer. */
    @PreAuthorize(RoleGroup.Guard.RESPONDERS)
    @Transactional(readOnly = true)
    public WorklistPage mine(WorklistFilter filter) {
        return worklist.page(currentUser.scope(), currentUser.require().accountId(), filter, clock.instant());
    }

    /** The newest id the caller's worklist shows: the live list compares it to know it must refresh. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional(readOnly = true)
    public long newestId(WorklistFilter filter) {
        return worklist.newestId(currentUser.scope(), null, filter, clock.instant()).orElse(0L);
    }

    /** Every request of the filter (at most {@link #EXPORT_LIMIT}) for the xlsx export; audited. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional
    public void export(WorklistFilter filter, Consumer<HelpRequestRow> sink) {
        worklist.each(currentUser.scope(), filter, clock.instant(), EXPORT_LIMIT, sink);
        events.publishEvent(new Activity(clock.instant(), currentUser.username(), AuditAction.EXPORT, "help_request",
                null, null, currentUser.clientAddress().orElse(null), null, List.of("worklist")));
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
        boolean assigneeOnly = !staff && me.roles().stream()
                .anyMatch(r -> r == org.wushe.access.Role.SOCIAL_WORKER || r == org.wushe.access.Role.VOLUNTEER);
        HelpRequestDetails d = reads.details(assigneeOnly ? org.wushe.access.DataScope.none() : me.scope(),
                me.accountId(), id)
                .orElseThrow(HelpRequestNotFoundException::new);
        sensitiveData.viewed(new SensitiveField("help_request", Long.toString(id), RegionCode.parse(d.regionCode()),
                "description"));
        return d;
    }

    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    public String revealPhone(long id, String reason) {
        var r = store.load(currentUser.scope(), id).orElseThrow(HelpRequestNotFoundException::new);
        return sensitiveData.reveal(new SensitiveField("help_request", Long.toString(id),
                RegionCode.parse(r.regionCode()), "phone"), reason, () -> reads.clearPhone(id));
    }

    /** The deadline rules the worklist shows next to the countdowns. */
    public List<TriageRules.Deadline> deadlines() {
        return triage.deadlines();
    }

    private static String normalisedOrNull(String phone) {
        try {
            return PhoneNumber.parse(phone).value();
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static String address(String clientAddress) {
        return clientAddress == null ? "unknown" : clientAddress;
    }
}
