package org.wushe.residents.checkins;

import org.wushe.access.RoleGroup;
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
import org.wushe.platform.ChinaTime;
import org.wushe.privacy.Masking;
import org.wushe.residents.alerts.Alerts;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.register.ResidentDetails;
import org.wushe.residents.register.Residents;

/**
 * Daily check-in (每日打卡) of elderly residents living alone: staff enrol a resident with a deadline and hand
 * them (or a relative) a personal link; the resident taps 我很好 or 需要帮助 on a phone page without signing in,
 * or staff record the check-in. Needs help alerts the grid worker at once; a missed deadline is
 * {@link CheckInAlerts}'s job.
 */
@Service
public class CheckIns {

    private final Residents residents;
    private final CheckInStore store;
    private final Alerts alerts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CheckIns(Residents residents, CheckInStore store, Alerts alerts, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.residents = residents;
        this.store = store;
        this.alerts = alerts;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Enrols (or re-enrols) a resident living alone with a daily deadline; returns the token of their new
     * personal link ({@code /check-in/{token}}) — shown once, any earlier link stops working.
     */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public String enrol(long residentId, LocalTime deadline) {
        ResidentDetails r = residents.get(residentId);
        if (r.voided()) {
            throw new InvalidValueException("residents.resident.voided");
        }
        if (!r.categoryNames().contains(VulnerabilityCategory.ELDERLY_ALONE.name())) {
            throw new InvalidValueException("residents.checkIn.onlyElderlyAlone");
        }
        if (deadline == null) {
            throw new InvalidValueException("residents.checkIn.deadline.required");
        }
        String token = CheckInStore.newToken();
        store.enrol(residentId, r.communityCode(), deadline.withSecond(0).withNano(0), token, clock.instant(),
                currentUser.username());
        audit(r, "checkInEnrolment");
        return token;
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
        return store.overview(residentId);
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

    /** What the public page shows for a link: the masked name and whether today's check-in is done. */
    @Transactional(readOnly = true)
    public Optional<PublicView> view(String token) {
        return holder(token).map(h -> new PublicView(Masking.name(h.name()),
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
        events.publishEvent(new Activity(clock.instant(), "anonymous", AuditAction.CREATE, "resident_check_in",
                Long.toString(h.get().residentId()), h.get().community(),
                currentUser.clientAddress().orElse(null), null, List.of("checkIn:" + status)));
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
        if (status == CheckInStatus.NEEDS_HELP && store.alertOnce(residentId, today, "HELP", community, now)) {
            Set<Long> to = gridWorker != null ? Set.of(gridWorker) : alerts.covering(community, Role.COMMUNITY_STAFF);
            alerts.raise(to, "residents.alert.checkInHelp", List.of(Long.toString(residentId), today.toString()),
                    "/residents/" + residentId + "/check-in", residentId, community, by, "checkInHelp");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
    }

    private void audit(ResidentDetails r, String what) {
        events.publishEvent(new Activity(clock.instant(), currentUser.username(), AuditAction.UPDATE, Residents.ENTITY,
                Long.toString(r.id()), r.communityCode(), currentUser.clientAddress().orElse(null),
                null, List.of(what)));
    }

    /** The public page's view of a link. */
    public record PublicView(String maskedName, boolean checkedInToday) {
    }
}
