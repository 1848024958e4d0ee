package org.wushe.directory.volunteers;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.Accounts;
import org.wushe.access.CurrentUser;
import org.wushe.access.IssuedPassword;
import org.wushe.access.KnownRegions;
import org.wushe.access.RoleGroup;
import org.wushe.access.StaffPrincipal;
import org.wushe.directory.Skill;
import org.wushe.directory.TimeSlot;
import org.wushe.directory.VolunteerStatus;
import org.wushe.directory.WeeklySlots;
import org.wushe.directory.volunteers.VolunteerStore.Volunteer;
import org.wushe.notify.MessageKind;
import org.wushe.notify.Notifications;
import org.wushe.platform.RateLimits;
import org.wushe.privacy.CryptoService;
import org.wushe.privacy.Masking;
import org.wushe.privacy.SensitiveData;
import org.wushe.privacy.SensitiveField;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.Name;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.PlainText;
import org.wushe.shared.RegionCode;
import org.wushe.shared.ResidentIdNumber;

/**
 * Volunteers: anyone registers on the public phone page after proving their phone with an SMS code; a station,
 * community or civil affairs reviews inside their data scope (scoped in SQL by the volunteer's region). Approval
 * gives a 公益护照号 and a VOLUNTEER account whose one-time password goes out by SMS; a rejection is sent too.
 * One registration per ID number (blind index): a repeated registration (phone proven again by SMS) replaces an
 * earlier PENDING or REJECTED one, which goes back to review (audited as an UPDATE); after approval it is refused
 * with a message pointing to the volunteer's own page and, for one imported without an account, to the
 * self-service activation ({@link VolunteerActivations}).
 */
@Service
public class Volunteers {

    /** The version of the privacy notice a registering volunteer consents to. */
    public static final String PRIVACY_NOTICE_VERSION = "2026-11-v1";

    static final int CODES_PER_PHONE_PER_HOUR = 5;
    static final int CODES_PER_ADDRESS_PER_HOUR = 20;
    static final int REGISTRATIONS_PER_ADDRESS_PER_HOUR = 20;
    static final int MAX_SERVED = 20;
    static final int LIST_LIMIT = 200;

    private final VolunteerStore store;
    private final PhoneCodes codes;
    private final Notifications notifications;
    private final RateLimits rateLimits;
    private final Accounts accounts;
    private final KnownRegions regions;
    private final CurrentUser currentUser;
    private final SensitiveData sensitiveData;
    private final CryptoService crypto;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Volunteers(
            VolunteerStore store,
            PhoneCodes codes,
            Notifications notifications,
            RateLimits rateLimits,
            Accounts accounts,
            KnownRegions regions,
            CurrentUser currentUser,
            SensitiveData sensitiveData,
            CryptoService crypto,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.crypto = crypto;
        this.codes = codes;
        this.notifications = notifications;
        this.rateLimits = rateLimits;
        this.accounts = accounts;
        this.regions = regions;
        this.currentUser = currentUser;
        this.sensitiveData = sensitiveData;
        this.events = events;
        this.clock = clock;
    }

    /** Step 1 of registration (public): sends a 6-digit code by SMS; rate-limited per address and per phone. */
    @Transactional
    public PhoneNumber requestCode(String rawPhone, String clientAddress) {
        rateLimits.hit(
                "volunteer-code-address", address(clientAddress), CODES_PER_ADDRESS_PER_HOUR, Duration.ofHours(1));
        PhoneNumber phone = PhoneNumber.parse(rawPhone);
        if (!phone.isMobile()) {
            throw new InvalidValueException("directory.volunteer.phone.mobile");
        }
        rateLimits.hit(
                "volunteer-code-phone",
                crypto.rateLimitKey("phone", phone.value()),
                CODES_PER_PHONE_PER_HOUR,
                Duration.ofHours(1));
        String code = codes.issue(phone, clock.instant());
        notifications.send(phone, MessageKind.VOLUNTEER_CODE, code);
        return phone;
    }

    /** Step 2 (public): checks the code and writes a PENDING registration; returns its id. */
    @Transactional
    public long register(VolunteerRegistration r, String clientAddress) {
        rateLimits.hit(
                "volunteer-register-address",
                address(clientAddress),
                REGISTRATIONS_PER_ADDRESS_PER_HOUR,
                Duration.ofHours(1));
        PhoneNumber phone = PhoneNumber.parse(r.phone());
        String name = Name.parse(text(r.name(), 50, "directory.volunteer.name.required"))
                .value();
        ResidentIdNumber id = ResidentIdNumber.parse(r.idNumber());
        List<Skill> skills = skills(r.skills());
        RegionCode region = region(r.regionCode());
        List<RegionCode> served = new ArrayList<>();
        served.add(region);
        if (r.servedRegions().size() > MAX_SERVED) {
            throw new InvalidValueException("directory.volunteer.served.tooMany", MAX_SERVED);
        }
        for (String code : r.servedRegions()) {
            if (code != null && !code.isBlank()) {
                served.add(region(code));
            }
        }
        String availability = optional(r.availability(), 200);
        WeeklySlots slots = WeeklySlots.parse(r.weeklySlots());
        String emergencyName = optional(r.emergencyName(), 50);
        if (emergencyName != null) {
            Name.parse(emergencyName);
        }
        PhoneNumber emergencyPhone =
                r.emergencyPhone() == null || r.emergencyPhone().isBlank()
                        ? null
                        : PhoneNumber.parse(r.emergencyPhone());
        if (!PRIVACY_NOTICE_VERSION.equals(r.consentVersion())) {
            throw new InvalidValueException("directory.volunteer.consent.required");
        }
        codes.verify(phone, r.code(), clock.instant());
        var volunteer = new NewVolunteer(
                name,
                id,
                phone,
                skills,
                region,
                List.copyOf(new LinkedHashSet<>(served)),
                availability,
                emergencyName,
                emergencyPhone);
        Optional<Volunteer> earlier = store.findByIdNumber(id);
        if (earlier.isPresent() && earlier.get().status() == VolunteerStatus.APPROVED) {
            throw new InvalidValueException("directory.volunteer.duplicate.activate");
        }
        long volunteerId;
        AuditAction action;
        String why = null;
        if (earlier.isPresent()) {
            // Merge: the person proved this phone just now; their new answers replace the earlier, unapproved ones.
            volunteerId = earlier.get().id();
            if (!store.merge(volunteerId, volunteer, PRIVACY_NOTICE_VERSION, clock.instant())) {
                throw new InvalidValueException("directory.volunteer.duplicate.activate");
            }
            action = AuditAction.UPDATE;
            why = "repeated registration merged (was " + earlier.get().status() + ")";
        } else {
            volunteerId = store.insert(volunteer, PRIVACY_NOTICE_VERSION, clock.instant());
            action = AuditAction.CREATE;
        }
        store.updateWeeklySlots(volunteerId, slots.mask());
        codes.consume(phone);
        events.publishEvent(new Activity(
                clock.instant(),
                "volunteer-self",
                action,
                "volunteer",
                Long.toString(volunteerId),
                region,
                clientAddress,
                why,
                List.of(
                        "name",
                        "idNumber",
                        "phone",
                        "skills",
                        "regionCode",
                        "servedRegions",
                        "availability",
                        "weeklySlots",
                        "emergencyContact",
                        "consentVersion")));
        return volunteerId;
    }

    @PreAuthorize(RoleGroup.Guard.VOLUNTEER_REVIEWERS)
    public List<VolunteerRow> list(VolunteerStatus status) {
        return store.list(currentUser.scope(), status, LIST_LIMIT).stream()
                .map(Volunteers::row)
                .toList();
    }

    /**
     * Hands every volunteer of the caller's scope (of the status, if given) to {@code sink}, names masked, and
     * records the export. Commits even if the sink fails half-way (it only reads), so the export stays recorded.
     */
    @PreAuthorize(RoleGroup.Guard.VOLUNTEER_REVIEWERS)
    @Transactional(noRollbackFor = Exception.class)
    public long export(VolunteerStatus status, Consumer<VolunteerRow> sink) {
        var scope = currentUser.scope();
        RegionCode region =
                scope.regions().size() == 1 ? scope.regions().iterator().next() : null;
        events.publishEvent(new Activity(
                clock.instant(),
                actor(),
                AuditAction.EXPORT,
                "volunteer",
                null,
                region,
                currentUser.clientAddress().orElse(null),
                null,
                status == null ? List.of() : List.of("status")));
        return store.forEach(scope, status, v -> sink.accept(row(v)));
    }

    private static VolunteerRow row(Volunteer v) {
        return new VolunteerRow(
                v.id(),
                Masking.name(v.name()),
                v.regionCode().value(),
                v.skills(),
                v.status(),
                v.passportNo(),
                v.createdAt());
    }

    /**
     * APPROVED volunteers of the caller's scope who said they can serve on {@code day} in {@code slot} (for
     * assigning work later), names masked, oldest registration first, at most {@value #LIST_LIMIT}.
     */
    @PreAuthorize(RoleGroup.Guard.VOLUNTEER_REVIEWERS)
    public List<VolunteerRow> availableOn(DayOfWeek day, TimeSlot slot) {
        return store.approvedAvailable(currentUser.scope(), WeeklySlots.bit(day, slot), LIST_LIMIT).stream()
                .map(Volunteers::row)
                .toList();
    }

    @PreAuthorize(RoleGroup.Guard.VOLUNTEER_REVIEWERS)
    public VolunteerDetails get(long id) {
        return details(load(id));
    }

    /** Approves: passport number, VOLUNTEER account in the volunteer's region, one-time password by SMS. */
    @PreAuthorize(RoleGroup.Guard.VOLUNTEER_REVIEWERS)
    @Transactional
    public String approve(long id) {
        Volunteer v = load(id);
        if (v.status() != VolunteerStatus.PENDING) {
            throw new InvalidValueException("directory.volunteer.notPending");
        }
        String passport = store.nextPassportNo(v.regionCode());
        PhoneNumber phone = PhoneNumber.parse(store.clearPhone(v));
        IssuedPassword issued =
                accounts.createVolunteerAccount(passport.toLowerCase(Locale.ROOT), v.name(), phone, v.regionCode());
        if (!store.approve(id, passport, issued.accountId(), actor(), clock.instant())) {
            throw new InvalidValueException("directory.volunteer.notPending");
        }
        notifications.send(
                phone, MessageKind.VOLUNTEER_APPROVED, passport, issued.username(), issued.temporaryPassword());
        audit(AuditAction.UPDATE, v, List.of("status", "passportNo", "accountId"), null);
        return passport;
    }

    @PreAuthorize(RoleGroup.Guard.VOLUNTEER_REVIEWERS)
    @Transactional
    public void reject(long id, String reason) {
        Volunteer v = load(id);
        String why = text(reason, 200, "directory.volunteer.reason.required");
        if (!store.reject(id, why, actor(), clock.instant())) {
            throw new InvalidValueException("directory.volunteer.notPending");
        }
        notifications.send(PhoneNumber.parse(store.clearPhone(v)), MessageKind.VOLUNTEER_REJECTED, why);
        audit(AuditAction.UPDATE, v, List.of("status", "rejectReason"), null);
    }

    @PreAuthorize(RoleGroup.Guard.VOLUNTEER_REVIEWERS)
    public String revealIdNumber(long id, String reason) {
        Volunteer v = load(id);
        return sensitiveData.reveal(
                new SensitiveField("volunteer", Long.toString(id), v.regionCode(), "idNumber"),
                reason,
                () -> store.clearIdNumber(v));
    }

    @PreAuthorize(RoleGroup.Guard.VOLUNTEER_REVIEWERS)
    public String revealPhone(long id, String reason) {
        Volunteer v = load(id);
        return sensitiveData.reveal(
                new SensitiveField("volunteer", Long.toString(id), v.regionCode(), "phone"),
                reason,
                () -> store.clearPhone(v));
    }

    /** The signed-in volunteer's own record. */
    @PreAuthorize("hasRole('VOLUNTEER')")
    public VolunteerDetails mine() {
        long accountId = currentUser.require().accountId();
        return details(store.findByAccount(accountId).orElseThrow(() -> new VolunteerNotFoundException(accountId)));
    }

    /** The signed-in volunteer changes their own skills and availability, keeping their week grid. */
    @PreAuthorize("hasRole('VOLUNTEER')")
    @Transactional
    public void updateMine(List<String> skills, String availability) {
        updateMine(skills, availability, null);
    }

    /**
     * The signed-in volunteer changes their own skills, availability note and week grid (nothing else);
     * {@code weeklySlots} null leaves the grid as it was, an empty list clears it.
     */
    @PreAuthorize("hasRole('VOLUNTEER')")
    @Transactional
    public void updateMine(List<String> skills, String availability, List<String> weeklySlots) {
        long accountId = currentUser.require().accountId();
        Volunteer v = store.findByAccount(accountId).orElseThrow(() -> new VolunteerNotFoundException(accountId));
        List<Skill> cleanSkills = skills(skills == null ? List.of() : skills);
        String note = optional(availability, 200);
        WeeklySlots slots = weeklySlots == null ? null : WeeklySlots.parse(weeklySlots);
        store.updateProfile(v.id(), cleanSkills, note);
        if (slots != null) {
            store.updateWeeklySlots(v.id(), slots.mask());
        }
        events.publishEvent(new Activity(
                clock.instant(),
                actor(),
                AuditAction.UPDATE,
                "volunteer",
                Long.toString(v.id()),
                v.regionCode(),
                currentUser.clientAddress().orElse(null),
                null,
                slots == null ? List.of("skills", "availability") : List.of("skills", "availability", "weeklySlots")));
    }

    private VolunteerDetails details(Volunteer v) {
        return new VolunteerDetails(
                v.id(),
                v.name(),
                Masking.idNumber(store.clearIdNumber(v)),
                v.sex(),
                v.birthDate(),
                Masking.phone(store.clearPhone(v)),
                v.skills(),
                v.regionCode().value(),
                store.servedRegions(v.id()),
                v.availability(),
                v.emergencyContactName(),
                store.maskedEmergencyPhone(v),
                v.consentVersion(),
                v.consentedAt(),
                v.status(),
                v.reviewedBy(),
                v.reviewedAt(),
                v.rejectReason(),
                v.passportNo(),
                v.createdAt(),
                new WeeklySlots(v.weeklySlots()),
                v.accountId() != null);
    }

    private Volunteer load(long id) {
        return store.find(currentUser.scope(), id).orElseThrow(() -> new VolunteerNotFoundException(id));
    }

    private static List<Skill> skills(List<String> raw) {
        Set<Skill> skills = new LinkedHashSet<>();
        for (String s : raw) {
            if (s == null || s.isBlank()) {
                continue;
            }
            try {
                skills.add(Skill.valueOf(s.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("directory.volunteer.skill.unknown", s);
            }
        }
        return List.copyOf(skills);
    }

    private RegionCode region(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("directory.volunteer.region.required");
        }
        RegionCode code = RegionCode.parse(raw);
        if (!regions.exists(code)) {
            throw new InvalidValueException("directory.volunteer.region.unknown", code.value());
        }
        return code;
    }

    private static String text(String raw, int max, String requiredKey) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new InvalidValueException(requiredKey);
        }
        if (s.codePointCount(0, s.length()) > max) {
            throw new InvalidValueException("directory.volunteer.tooLong", max);
        }
        PlainText.parse(s);
        return s;
    }

    private static String optional(String raw, int max) {
        String s = raw == null ? "" : raw.strip();
        if (s.codePointCount(0, s.length()) > max) {
            throw new InvalidValueException("directory.volunteer.tooLong", max);
        }
        PlainText.parse(s);
        return s.isEmpty() ? null : s;
    }

    private static String address(String clientAddress) {
        return clientAddress == null ? "unknown" : clientAddress;
    }

    private String actor() {
        return currentUser.principal().map(StaffPrincipal::username).orElseGet(currentUser::username);
    }

    private void audit(AuditAction action, Volunteer v, List<String> fields, String reason) {
        events.publishEvent(new Activity(
                clock.instant(),
                actor(),
                action,
                "volunteer",
                Long.toString(v.id()),
                v.regionCode(),
                currentUser.clientAddress().orElse(null),
                reason,
                fields));
    }
}
