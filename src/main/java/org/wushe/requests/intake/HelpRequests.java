package org.wushe.requests.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.CurrentUser;
import org.wushe.access.RoleGroup;
import org.wushe.notify.MessageKind;
import org.wushe.notify.Notifications;
import org.wushe.platform.RateLimits;
import org.wushe.privacy.CryptoService;
import org.wushe.requests.Answers;
import org.wushe.requests.Category;
import org.wushe.requests.Channel;
import org.wushe.requests.HelpRequestId;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.HelpRequestSubmitted;
import org.wushe.requests.IntakePlaces;
import org.wushe.requests.TrackingCodes;
import org.wushe.requests.UrgentRequests;
import org.wushe.requests.triage.TriageRules;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;

/**
 * Intake of the green channel: the resident's phone page, staff recording a call, forwarding systems. The public
 * submit path is lean on purpose (a surge of
 * requests is its normal case): rate limits and the phone check each in their own short transaction before
 * any work, validation without the database, then one transaction of a single insert statement (request,
 * timeline, related-request flag), the SMS in the outbox and the audit event. A repeated submission key
 * returns the request it created. Case work (assign, refer, close …) is in {@code casework.HelpRequestCases}, the
 * worklist in {@code worklist}.
 */
@Service
public class HelpRequests {

    static final int CODES_PER_PHONE_PER_HOUR = 5;
    static final int CODES_PER_ADDRESS_PER_HOUR = 30;
    static final int SUBMITS_PER_PHONE_PER_HOUR = 10;
    static final int LOST_CODES_PER_PHONE_PER_DAY = 3;
    static final Duration LOST_CODES_LOOK_BACK = Duration.ofDays(30);
    static final int SUBMITS_PER_ADDRESS_PER_HOUR = 60;

    private final IntakeStore store;
    private final TriageRules triage;
    private final PhoneVerifications verifications;
    private final IntakePlaces places;
    private final Notifications notifications;
    private final RateLimits rateLimits;
    private final CurrentUser currentUser;
    private final CryptoService crypto;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final UrgentRequests urgentRequests;
    private final TrackingCodes codes = new TrackingCodes();

    HelpRequests(
            IntakeStore store,
            TriageRules triage,
            PhoneVerifications verifications,
            IntakePlaces places,
            Notifications notifications,
            RateLimits rateLimits,
            CurrentUser currentUser,
            CryptoService crypto,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock,
            UrgentRequests urgentRequests) {
        this.urgentRequests = urgentRequests;
        this.store = store;
        this.triage = triage;
        this.verifications = verifications;
        this.places = places;
        this.notifications = notifications;
        this.rateLimits = rateLimits;
        this.currentUser = currentUser;
        this.crypto = crypto;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Public: sends a 6-digit SMS code; rate-limited per client address and per phone. */
    public void requestCode(String rawPhone, String clientAddress) {
        RateLimits.Limit perAddress = new RateLimits.Limit(
                "requests-code-address", address(clientAddress), CODES_PER_ADDRESS_PER_HOUR, Duration.ofHours(1));
        PhoneNumber phone = mobile(rawPhone, perAddress);
        rateLimits.hit(
                perAddress,
                new RateLimits.Limit(
                        "requests-code-phone",
                        crypto.rateLimitKey("phone", phone.value()),
                        CODES_PER_PHONE_PER_HOUR,
                        Duration.ofHours(1)));
        tx.executeWithoutResult(s -> {
            String code = verifications.issue(phone, clock.instant());
            notifications.send(phone, MessageKind.REQUEST_CODE, code);
        });
    }

    /**
     * Public: a resident who lost their tracking code has the codes of their requests of the last 30 days sent by
     * SMS to the phone they used. The caller always gets the same answer, whether or not any request exists, so the
     * page cannot be used to learn who asked for help; the SMS goes only to that phone. Rate-limited per address and
     * per phone (three a day).
     */
    public void sendLostCodes(String rawPhone, String clientAddress) {
        RateLimits.Limit perAddress = new RateLimits.Limit(
                "requests-lost-address", address(clientAddress), CODES_PER_ADDRESS_PER_HOUR, Duration.ofHours(1));
        PhoneNumber phone = mobile(rawPhone, perAddress);
        rateLimits.hit(
                perAddress,
                new RateLimits.Limit(
                        "requests-lost-phone",
                        crypto.rateLimitKey("phone", phone.value()),
                        LOST_CODES_PER_PHONE_PER_DAY,
                        Duration.ofDays(1)));
        tx.executeWithoutResult(s -> {
            List<String> codes = store.trackingCodesOf(phone, clock.instant().minus(LOST_CODES_LOOK_BACK));
            if (!codes.isEmpty()) {
                notifications.send(phone, MessageKind.REQUEST_LOST_CODES, String.join("、", codes));
            }
        });
    }

    /**
     * Public intake. {@code phoneAlreadyVerified} is the phone this browser session verified less than 30 minutes
     * ago (then no code is needed for it). Throws {@link IntakeRejectedException} with every bad field.
     */
    public Submission submit(Intake intake, String clientAddress, Optional<String> phoneAlreadyVerified) {
        RateLimits.Limit perAddress = new RateLimits.Limit(
                "requests-submit-address", address(clientAddress), SUBMITS_PER_ADDRESS_PER_HOUR, Duration.ofHours(1));
        boolean sessionVerified = phoneAlreadyVerified.isPresent()
                && intake.phone() != null
                && phoneAlreadyVerified.get().equals(normalisedOrNull(intake.phone()));
        IntakeValidator.Valid v;
        try {
            v = IntakeValidator.validate(intake, places::contains, !sessionVerified);
        } catch (IntakeRejectedException e) {
            rateLimits.hit(perAddress); // rejected input still counts against the address
            throw e;
        }
        rateLimits.hit(
                perAddress,
                new RateLimits.Limit(
                        "requests-submit-phone",
                        crypto.rateLimitKey("phone", v.phone().value()),
                        SUBMITS_PER_PHONE_PER_HOUR,
                        Duration.ofHours(1)));
        byte[] phoneIndex = store.phoneIndex(v.phone().value());
        Instant now = clock.instant();
        if (!sessionVerified) {
            try {
                verifications.verify(v.phone(), phoneIndex, intake.code(), now);
            } catch (InvalidValueException e) {
                throw new IntakeRejectedException(Map.of("code", e));
            }
        }
        return write(v, phoneIndex, Channel.ONLINE, "resident", clientAddress, now);
    }

    /** Staff record a request on behalf of a caller (hotline, community online group, walk-in); no SMS code. */
    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    public Submission record(Intake intake, Channel channel) {
        if (channel == null || channel == Channel.ONLINE || channel == Channel.HOTLINE_12345) {
            throw new IntakeRejectedException(
                    Map.of("channel", new InvalidValueException("requests.field.channel.required")));
        }
        IntakeValidator.Valid v = inCallersScope(IntakeValidator.validate(intake, places::contains, false));
        return write(
                v,
                store.phoneIndex(v.phone().value()),
                channel,
                currentUser.username(),
                currentUser.clientAddress().orElse(null),
                clock.instant());
    }

    /**
     * Another system (such as the 12345 hotline platform) forwards a request with its API client token; the place
     * must lie in the client's scope, as for staff (a client without a region scope can place nothing).
     */
    @PreAuthorize("hasAuthority('PERM_HELP_REQUESTS_SUBMIT')")
    public Submission forward(Intake intake) {
        IntakeValidator.Valid v = inCallersScope(IntakeValidator.validate(intake, places::contains, false));
        return write(
                v,
                store.phoneIndex(v.phone().value()),
                Channel.HOTLINE_12345,
                currentUser.username(),
                currentUser.clientAddress().orElse(null),
                clock.instant());
    }

    /** A request placed outside the caller's scope is refused like a bad field, before anything is written. */
    private IntakeValidator.Valid inCallersScope(IntakeValidator.Valid v) {
        if (!currentUser.scope().contains(v.regionCode())) {
            throw new IntakeRejectedException(
                    Map.of("communityCode", new InvalidValueException("requests.field.community.outOfScope")));
        }
        return v;
    }

    private Submission write(
            IntakeValidator.Valid v, byte[] phoneIndex, Channel channel, String by, String clientAddress, Instant now) {
        var outcome = triage.evaluate(
                v.category(),
                v.answers().entrySet().stream()
                        .filter(Map.Entry::getValue)
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toSet()),
                now);
        Map<String, Boolean> answers = new LinkedHashMap<>(v.answers());
        answers.remove(Category.FELT_VERY_URGENT);
        NewHelpRequest request = new NewHelpRequest(
                v.submissionKey(),
                channel,
                v.category(),
                v.forWhom(),
                v.regionCode(),
                v.address(),
                v.phone(),
                phoneIndex,
                v.description(),
                Answers.format(answers),
                v.urgency(),
                outcome,
                now,
                by);
        return tx.execute(s -> {
            for (int attempt = 0; attempt < 5; attempt++) {
                String code = codes.next();
                Optional<Long> id = store.insert(request, code);
                if (id.isPresent()) {
                    notifications.send(v.phone(), MessageKind.REQUEST_SUBMITTED, TrackingCodes.display(code));
                    urgentRequests.announce(
                            id.get(), code, v.regionCode(), outcome.priority(), outcome.firstContactDue(), now);
                    events.publishEvent(new HelpRequestSubmitted(
                            new HelpRequestId(id.get()), v.regionCode(), v.category(), outcome.priority(), channel));
                    events.publishEvent(new Activity(
                            now,
                            by,
                            AuditAction.CREATE,
                            "help_request",
                            Long.toString(id.get()),
                            v.regionCode(),
                            clientAddress,
                            null,
                            List.of("category", "description", "phone", "address", "answers", "channel")));
                    return new Submission(id.get(), code, outcome.priority(), HelpRequestStatus.TRIAGED, false);
                }
                if (v.submissionKey() != null) {
                    var existing = store.bySubmissionKey(v.submissionKey());
                    if (existing.isPresent()) {
                        if (!Arrays.equals(existing.get().phoneIndex(), phoneIndex)) {
                            throw new IntakeRejectedException(Map.of(
                                    "submissionKey",
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

    /**
     * The mobile number an SMS is to go to; one that cannot be read, or a landline, is refused as the phone field's
     * error and still counts against the client address.
     */
    private PhoneNumber mobile(String rawPhone, RateLimits.Limit perAddress) {
        try {
            PhoneNumber phone = PhoneNumber.parse(rawPhone);
            if (!phone.isMobile()) {
                throw new InvalidValueException("requests.field.phone.mobile");
            }
            return phone;
        } catch (InvalidValueException e) {
            rateLimits.hit(perAddress);
            throw new IntakeRejectedException(Map.of("phone", e));
        }
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
