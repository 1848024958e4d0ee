package org.wushe.residents.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.Role;
import org.wushe.access.RoleGroup;
import org.wushe.access.StaffPrincipal;
import org.wushe.privacy.SensitiveData;
import org.wushe.privacy.SensitiveField;
import org.wushe.residents.CaseStageChanged;
import org.wushe.residents.alerts.Alerts;
import org.wushe.residents.register.ResidentDetails;
import org.wushe.residents.register.Residents;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * Case work (个案) after MZ/T 094-2017: 接案 → 预估 → 计划 → 介入 → 评估 → 结案, one stage at a time. A case has an
 * assigned social worker (a SOCIAL_WORKER account covering the community) and optionally a supervisor. Its
 * notes are encrypted and readable only by the worker, the supervisor and civil-affairs admins whose scope
 * covers the community — checked in the SQL that reads them — and every reading of them is audited.
 */
@Service
class Cases {

    static final int MAX_TITLE = 100;
    static final int MAX_NOTE = 5000;

    private final Residents residents;
    private final CaseStore store;
    private final Alerts alerts;
    private final CurrentUser currentUser;
    private final SensitiveData sensitiveData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Cases(
            Residents residents,
            CaseStore store,
            Alerts alerts,
            CurrentUser currentUser,
            SensitiveData sensitiveData,
            ApplicationEventPublisher events,
            Clock clock) {
        this.residents = residents;
        this.store = store;
        this.alerts = alerts;
        this.currentUser = currentUser;
        this.sensitiveData = sensitiveData;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public long open(long residentId, String title, Long workerAccountId, Long supervisorAccountId) {
        ResidentDetails r = residents.getLive(residentId);
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > MAX_TITLE) {
            throw new InvalidValueException("residents.case.title.required", MAX_TITLE);
        }
        if (workerAccountId == null
                || !alerts.covering(r.communityCode(), Role.SOCIAL_WORKER).contains(workerAccountId)) {
            throw new InvalidValueException("residents.case.worker.unknown");
        }
        if (supervisorAccountId != null
                && (supervisorAccountId.equals(workerAccountId)
                        || !alerts.covering(r.communityCode(), Role.SOCIAL_WORKER, Role.STATION_STAFF)
                                .contains(supervisorAccountId))) {
            throw new InvalidValueException("residents.case.supervisor.unknown");
        }
        long id = store.open(
                residentId,
                r.communityCode(),
                t,
                workerAccountId,
                supervisorAccountId,
                clock.instant(),
                currentUser.username());
        audit(AuditAction.CREATE, id, r.communityCode(), List.of("case", "stage:INTAKE"));
        events.publishEvent(new CaseStageChanged(
                id, r.communityCode().value(), CaseStage.INTAKE.name(), clock.instant(), currentUser.username()));
        return id;
    }

    /** Moves the case to {@code target}, which must be the next stage; only its worker, supervisor or an admin. */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public CaseDetails advance(long caseId, CaseStage target) {
        CaseFile c = load(caseId);
        requireParticipant(c);
        CaseFile next = c.advanceTo(target);
        store.move(c, next, clock.instant(), currentUser.username());
        events.publishEvent(new CaseStageChanged(
                caseId, c.communityCode().value(), next.stage().name(), clock.instant(), currentUser.username()));
        audit(AuditAction.UPDATE, caseId, c.communityCode(), List.of("stage:" + next.stage()));
        return get(caseId);
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public void addNote(long caseId, String body) {
        CaseFile c = load(caseId);
        requireParticipant(c);
        if (c.stage() == CaseStage.CLOSED) {
            throw new InvalidValueException("residents.case.transition.closed");
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw new InvalidValueException("residents.case.note.required", MAX_NOTE);
        }
        store.addNote(caseId, c.stage(), text, clock.instant(), currentUser.username());
        audit(AuditAction.CREATE, caseId, c.communityCode(), List.of("caseNote"));
    }

    /** The case without its notes, for any reader in scope. */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    public CaseDetails get(long caseId) {
        CaseFile c = load(caseId);
        return store.details(caseId, mayReadNotes(c));
    }

    /** The notes, for the worker, supervisor or an admin in scope (else 403); each reading is audited. */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    @Transactional
    public List<CaseNote> notes(long caseId) {
        CaseFile c = load(caseId);
        StaffPrincipal me = currentUser.require();
        List<CaseNote> notes = store.notes(
                        currentUser.scope(), caseId, me.accountId(), me.has(Role.CIVIL_AFFAIRS_ADMIN))
                .orElseThrow(() -> new AccessDeniedException("case notes of case " + caseId));
        sensitiveData.viewed(new SensitiveField("resident_case", Long.toString(caseId), c.communityCode(), "notes"));
        return notes;
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    public List<CaseDetails> list(Long residentId, CaseStage stage) {
        if (residentId != null) {
            residents.get(residentId);
        }
        return store.list(currentUser.scope(), residentId, stage);
    }

    private boolean mayReadNotes(CaseFile c) {
        Optional<StaffPrincipal> me = currentUser.principal();
        return me.isPresent()
                && store.canReadNotes(
                        currentUser.scope(),
                        c.id(),
                        me.get().accountId(),
                        me.get().has(Role.CIVIL_AFFAIRS_ADMIN));
    }

    private void requireParticipant(CaseFile c) {
        if (!mayReadNotes(c)) {
            throw new InvalidValueException("residents.case.participantsOnly");
        }
    }

    private CaseFile load(long caseId) {
        return store.find(currentUser.scope(), caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    private void audit(AuditAction action, long caseId, RegionCode community, List<String> fields) {
        Instant now = clock.instant();
        events.publishEvent(new Activity(
                now,
                currentUser.username(),
                action,
                "resident_case",
                Long.toString(caseId),
                community,
                currentUser.clientAddress().orElse(null),
                null,
                fields));
    }
}
