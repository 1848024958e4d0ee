package org.wushe.residents.checkins;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.Role;
import org.wushe.access.RoleGroup;
import org.wushe.notify.MessageKind;
import org.wushe.notify.Notifications;
import org.wushe.platform.ChinaTime;
import org.wushe.residents.CheckInRecorded;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.alerts.Alerts;
import org.wushe.residents.register.InvalidFieldsException;
import org.wushe.residents.register.ResidentCipher;
import org.wushe.residents.register.ResidentDetails;
import org.wushe.residents.register.Residents;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/**
 * Daily check-in (每日打卡) of elderly residents living alone: staff enrol a resident with a deadline and hand
 * them (or a relative) a personal link; the resident taps 我很好 or 需要帮助 on a phone page without signing in,
 * or staff record the check-in. Needs help alerts the grid worker at once; a missed deadline is
 * {@link CheckInAlerts}'s job.
 */
@Service
public class CheckIns {

    static final String ADDRESS_FIELD = "addressAs";
    static final int MAX_ADDRESS_AS = 12;
    private static final String ENROLMENT_TABLE = "residents_checkin_enrolment";
    private static final String ADDRESS_AS = "address_as";

    private final Residents residents;
    private final ResidentCipher cipher;
    private final Notifications notifications;
    private final CheckInStore store;
    private final Alerts alerts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CheckIns(
            Residents residents,
            ResidentCipher cipher,
            Notifications notifications,
            CheckInStore store,
            Alerts alerts,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.residents = residents;
        this.cipher = cipher;
        this.notifications = notifications;
        this.store = store;
        this.alerts = alerts;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Enrols (or re-enrols) a resident living alone with a daily deadline and the form of address their page greets
     * them by (称呼, e.g. 张阿姨); returns the token of their new personal link ({@code /check-in/{token}}) — shown
     * once, any earlier link stops working. A bad 称呼 is an {@link InvalidFieldsException} on field addressAs.
     */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public String enrol(long residentId, LocalTime deadline, String addressAs) {
        ResidentDetails r = residents.getLive(residentId);
        if (!r.categoryNames().contains(VulnerabilityCategory.ELDERLY_ALONE.name())) {
            throw new InvalidValueException("residents.checkIn.onlyElderlyAlone");
        }
        if (deadline == null) {
            throw new InvalidValueException("residents.checkIn.deadline.required");
        }
        String address = addressAs(addressAs);
        String token = CheckInStore.newToken();
        store.enrol(
                residentId,
                r.communityCode(),
                deadline.withSecond(0).withNano(0),
                cipher.encryptText(address, ENROLMENT_TABLE, ADDRESS_AS),
                token,
                clock.instant(),
                currentUser.username());
        audit(r, "checkInEnrolment");
        return token;
    }

    /**
     * Sends the resident's current personal link by SMS (through the outbox) to the resident's own phone or a
     * relative's: the message holds the link and nothing else. {@code token} is the link just issued (the page holds
     * it; only its hash is stored), refused unless it is this resident's active link. Audited, without the phone.
     */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public void sendLink(long residentId, String token, LinkRecipient to, String linkUrl) {
        ResidentDetails r = residents.get(residentId);
        Optional<CheckInStore.TokenHolder> h = holder(token);
        if (h.isEmpty() || h.get().residentId() != residentId) {
            throw new InvalidValueException("residents.checkIn.sms.linkGone");
        }
        if (to == null) {
            throw new InvalidValueException("residents.checkIn.sms.recipient");
        }
        PhoneNumber phone = residents
                .phoneToMessage(residentId, to.field())
                .filter(PhoneNumber::isMobile)
                .orElseThrow(() -> new InvalidValueException("residents.checkIn.sms.noMobile"));
        notifications.send(phone, MessageKind.CHECK_IN_LINK, linkUrl);
        audit(r, "checkInLinkSms:" + to.name());
    }

    /** Whom the link is sent to: the resident, their guardian, or their emergency contact. */
    public enum LinkRecipient {
        RESIDENT(Residents.RevealableField.PHONE),
        GUARDIAN(Residents.RevealableField.GUARDIAN_PHONE),
        EMERGENCY_CONTACT(Residents.RevealableField.EMERGENCY_CONTACT_PHONE);

        private final Residents.RevealableField field;

        LinkRecipient(Residents.RevealableField field) {
            this.field = field;
        }

        Residents.RevealableField field() {
            return field;
        }
    }

    /** The 称呼: 1 to 12 letters (Chinese or other scripts), spaces and ·, no digits or punctuation. */
    static String addressAs(String raw) {
        String s = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            throw InvalidFieldsException.of(ADDRESS_FIELD, "residents.checkIn.addressAs.required");
        }
        if (s.codePointCount(0, s.length()) > MAX_ADDRESS_AS) {
            throw InvalidFieldsException.of(ADDRESS_FIELD, "residents.checkIn.addressAs.length", MAX_ADDRESS_AS);
        }
        if (!s.matches("[\\p{L}\\p{M}·・ ]+")) {
            throw InvalidFieldsException.of(ADDRESS_FIELD, "residents.checkIn.addressAs.characters");
        }
        return s;
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public void stop(long residentId) {
        ResidentDetails r = residents.get(residentId);
        if (!store.stop(residentId)) {
            throw new InvalidValueException("residents.checkIn.notEnrolled");
        }
        audit(r, "checkInStopped");
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    public CheckInOverview overview(long residentId) {
        residents.get(residentId);
        return store.overview(residentId, c -> cipher.clearText(c, ENROLMENT_TABLE, ADDRESS_AS));
    }

    /** Whether {@code token} is the resident's active link (the page shows a link it was handed back only then). */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    public boolean isCurrentLink(long residentId, String token) {
        residents.get(residentId);
        return holder(token).filter(h -> h.residentId() == residentId).isPresent();
    }

    /** Staff record a check-in they obtained (by phone or at the door). */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public void recordByStaff(long residentId, CheckInStatus status) {
        ResidentDetails r = residents.get(residentId);
        if (status == null) {
            throw new InvalidValueException("residents.checkIn.status.required");
        }
        checkIn(residentId, r.communityCode(), r.gridWorkerAccountId(), status, currentUser.username());
        audit(r, "checkIn");
    }

    /**
     * What the public page shows for a link: the form of address staff chose (empty for an enrolment made before
     * there was one: the page greets plainly, never by a masked name) and whether today's check-in is done.
     */
    @Transactional(readOnly = true)
    public Optional<PublicView> view(String token) {
        return holder(token)
                .map(h -> new PublicView(
                        cipher.clearText(h.addressAsCipher(), ENROLMENT_TABLE, ADDRESS_AS),
                        store.checkedIn(h.residentId(), today())));
    }

    /** The check-in of the link's resident, without signing in; false when the link is unknown or stopped. */
    @Transactional
    public boolean checkInByLink(String token, CheckInStatus status) {
        Optional<CheckInStore.TokenHolder> h = holder(token);
        if (h.isEmpty() || status == null) {
            return false;
        }
        checkIn(h.get().residentId(), h.get().community(), h.get().gridWorker(), status, "resident");
        events.publishEvent(new Activity(
                clock.instant(),
                "anonymous",
                AuditAction.CREATE,
                "resident_check_in",
                Long.toString(h.get().residentId()),
                h.get().community(),
                currentUser.clientAddress().orElse(null),
                null,
                List.of("checkIn:" + status)));
        return true;
    }

    private Optional<CheckInStore.TokenHolder> holder(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return store.byToken(token);
    }

    private void checkIn(long residentId, RegionCode community, Long gridWorker, CheckInStatus status, String by) {
        Instant now = clock.instant();
        LocalDate today = today();
        store.checkIn(residentId, today, status, now, by);
        events.publishEvent(new CheckInRecorded(residentId, community.value(), today, now, by));
        if (status == CheckInStatus.NEEDS_HELP && store.alertOnce(residentId, today, "HELP", community, now)) {
            Set<Long> to = gridWorker != null ? Set.of(gridWorker) : alerts.covering(community, Role.COMMUNITY_STAFF);
            alerts.raise(
                    to,
                    "residents.alert.checkInHelp",
                    List.of(Long.toString(residentId), today.toString()),
                    "/residents/" + residentId + "/check-in",
                    residentId,
                    community,
                    by,
                    "checkInHelp");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
    }

    private void audit(ResidentDetails r, String what) {
        events.publishEvent(new Activity(
                clock.instant(),
                currentUser.username(),
                AuditAction.UPDATE,
                Residents.ENTITY,
                Long.toString(r.id()),
                r.communityCode(),
                currentUser.clientAddress().orElse(null),
                null,
                List.of(what)));
    }

    /** The public page's view of a link: the 称呼 ("" for none) and whether today's check-in is done. */
    public record PublicView(String addressAs, boolean checkedInToday) {}
}
