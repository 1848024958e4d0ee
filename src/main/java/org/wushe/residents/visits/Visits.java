package org.wushe.residents.visits;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.RoleGroup;
import org.wushe.privacy.SensitiveData;
import org.wushe.privacy.SensitiveField;
import org.wushe.residents.VisitRecorded;
import org.wushe.residents.register.ResidentDetails;
import org.wushe.residents.register.Residents;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;

/**
 * Visits to residents (电话询访, 视频慰问, 入户走访) with encrypted notes, and the overdue list of the
 * {@link VisitPlan}, scoped in SQL by the resident's community.
 */
@Service
public class Visits {

    static final int MAX_NOTES = 2000;

    private final Residents residents;
    private final VisitStore store;
    private final CurrentUser currentUser;
    private final SensitiveData sensitiveData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Visits(
            Residents residents,
            VisitStore store,
            CurrentUser currentUser,
            SensitiveData sensitiveData,
            ApplicationEventPublisher events,
            Clock clock) {
        this.residents = residents;
        this.store = store;
        this.currentUser = currentUser;
        this.sensitiveData = sensitiveData;
        this.events = events;
        this.clock = clock;
    }

    /** Records a visit; {@code visitedAt} null means now, and it may not lie in the future or before registration. */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public long record(long residentId, VisitKind kind, Instant visitedAt, String notes) {
        ResidentDetails r = residents.getLive(residentId);
        if (kind == null) {
            throw new InvalidValueException("residents.visit.kind.required");
        }
        Instant now = clock.instant();
        Instant at = visitedAt == null ? now : visitedAt;
        if (at.isAfter(now.plusSeconds(60))) {
            throw new InvalidValueException("residents.visit.visitedAt.future");
        }
        String text = notes == null ? null : notes.strip();
        if (text != null && text.length() > MAX_NOTES) {
            throw new InvalidValueException("residents.assessment.text.length", MAX_NOTES);
        }
        long id = store.insert(residentId, r.communityCode(), kind, at, currentUser.username(), text, now);
        events.publishEvent(new VisitRecorded(id, r.communityCode().value(), kind.name(), at, currentUser.username()));
        events.publishEvent(new Activity(
                now,
                currentUser.username(),
                AuditAction.CREATE,
                "resident_visit",
                Long.toString(id),
                r.communityCode(),
                currentUser.clientAddress().orElse(null),
                null,
                List.of("visit:" + kind)));
        return id;
    }

    /** A resident's visits with their notes; the view of the notes is recorded. */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    @Transactional
    public List<VisitDetails> history(long residentId) {
        ResidentDetails r = residents.get(residentId);
        List<VisitDetails> visits = store.history(residentId);
        if (!visits.isEmpty()) {
            sensitiveData.viewed(
                    new SensitiveField(Residents.ENTITY, Long.toString(residentId), r.communityCode(), "visit_notes"));
        }
        return visits;
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    public OverduePage overdue(int page, int size) {
        if (!Residents.PAGE_SIZES.contains(size)) {
            throw new InvalidValueException("error.pageSize", Residents.PAGE_SIZES.toString());
        }
        Instant now = clock.instant();
        var scope = currentUser.scope();
        long total = store.countOverdue(scope, now);
        int shown = (int) Math.max(1, Math.min(Math.max(1, page), (total + size - 1) / size));
        return new OverduePage(store.overdue(scope, now, (long) (shown - 1) * size, size), shown, size, total);
    }
}
