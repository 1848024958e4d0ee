package org.wushe.residents.assessments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.Role;
import org.wushe.access.RoleGroup;
import org.wushe.platform.ChinaTime;
import org.wushe.privacy.SensitiveData;
import org.wushe.privacy.SensitiveField;
import org.wushe.residents.alerts.Alerts;
import org.wushe.residents.register.InvalidFieldsException;
import org.wushe.residents.register.InvalidFieldsException.FieldProblem;
import org.wushe.residents.register.ResidentDetails;
import org.wushe.residents.register.Residents;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;

/**
 * Four-dimension assessments (四维评估) of a resident: scored, given a risk level by {@link RiskRule}, kept as a
 * full history, with the reassessment due date on the resident. A positive PHQ-9 item 9 (self-harm) alerts the
 * resident's social worker and the community and station staff covering the community at once.
 */
@Service
public class Assessments {

    static final int MAX_NOTES = 2000;

    private final Residents residents;
    private final AssessmentStore store;
    private final Alerts alerts;
    private final CurrentUser currentUser;
    private final SensitiveData sensitiveData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assessments(
            Residents residents,
            AssessmentStore store,
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
    public AssessmentDetails record(long residentId, AssessmentDraft draft) {
        ResidentDetails resident = residents.getLive(residentId);
        AssessmentDetails a = validate(residentId, draft);
        long id = store.insert(a, resident.communityCode());
        events.publishEvent(new Activity(
                clock.instant(),
                a.assessedBy(),
                AuditAction.CREATE,
                "resident_assessment",
                Long.toString(id),
                resident.communityCode(),
                currentUser.clientAddress().orElse(null),
                null,
                List.of("assessment", "riskLevel:" + a.riskLevel())));
        if (a.selfHarm()) {
            Set<Long> told = new LinkedHashSet<>();
            alerts.socialWorkerAccount(resident.socialWorkerId()).ifPresent(told::add);
            told.addAll(alerts.covering(resident.communityCode(), Role.COMMUNITY_STAFF, Role.STATION_STAFF));
            alerts.raise(
                    told,
                    "residents.alert.selfHarm",
                    List.of(Long.toString(residentId)),
                    "/residents/" + residentId + "/assessments",
                    residentId,
                    resident.communityCode(),
                    a.assessedBy(),
                    "selfHarm");
        }
        return store.find(residentId, id).orElseThrow();
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    public List<AssessmentDetails> history(long residentId) {
        residents.get(residentId);
        return store.history(residentId);
    }

    /** One assessment with its item answers and notes; the view is recorded in the audit trail. */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    @Transactional
    public AssessmentDetails get(long residentId, long assessmentId) {
        ResidentDetails resident = residents.get(residentId);
        AssessmentDetails a =
                store.find(residentId, assessmentId).orElseThrow(() -> new AssessmentNotFoundException(assessmentId));
        sensitiveData.viewed(new SensitiveField(
                "resident_assessment", Long.toString(assessmentId), resident.communityCode(), "answers"));
        return a;
    }

    private AssessmentDetails validate(long residentId, AssessmentDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer food = days(problems, "foodDays", d.foodDays(), true);
        Integer medicine = days(problems, "medicineDays", d.medicineDays(), false);
        String mobility = enumField(problems, "mobility", d.mobility(), Mobility.class);
        String chronic = null;
        try {
            chronic = optional(d.chronicConditions(), 200);
        } catch (InvalidValueException e) {
            problems.add(new FieldProblem("chronicConditions", e));
        }
        List<Integer> phq9 = answers(problems, "phq9", d.phq9(), Screening.PHQ9_ITEMS);
        List<Integer> gad7 = answers(problems, "gad7", d.gad7(), Screening.GAD7_ITEMS);
        String cognition = enumField(problems, "cognition", d.cognition(), Cognition.class);
        if (d.psychoticSymptoms() == null) {
            problems.add(new FieldProblem(
                    "psychoticSymptoms", new InvalidValueException("residents.assessment.psychoticSymptoms.required")));
        }
        String notes = null;
        try {
            notes = optional(d.notes(), MAX_NOTES);
        } catch (InvalidValueException e) {
            problems.add(new FieldProblem("notes", e));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems, null);
        }
        int phq = Screening.score(phq9);
        int gad = Screening.score(gad7);
        boolean selfHarm = Screening.selfHarm(phq9);
        RiskRule.Result rule = RiskRule.evaluate(
                new RiskRule.Inputs(food, medicine, mobility, phq, gad, selfHarm, cognition, d.psychoticSymptoms()));
        var now = clock.instant();
        return new AssessmentDetails(
                0,
                residentId,
                now,
                currentUser.username(),
                food,
                medicine,
                mobility,
                chronic,
                phq,
                Screening.phq9Band(phq),
                gad,
                Screening.gad7Band(gad),
                selfHarm,
                cognition,
                d.psychoticSymptoms(),
                rule.level(),
                rule.reasons(),
                RiskRule.reassessDue(rule.level(), LocalDate.ofInstant(now, ChinaTime.ZONE)),
                phq9,
                gad7,
                notes);
    }

    private static Integer days(List<FieldProblem> problems, String field, Integer value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem(field, new InvalidValueException("residents.assessment.days.required")));
            }
            return null;
        }
        if (value < 0 || value > 365) {
            problems.add(new FieldProblem(field, new InvalidValueException("residents.assessment.days.range", 365)));
            return null;
        }
        return value;
    }

    private static <E extends Enum<E>> String enumField(
            List<FieldProblem> problems, String field, String raw, Class<E> type) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(
                    new FieldProblem(field, new InvalidValueException("residents.assessment." + field + ".required")));
            return null;
        }
    }

    /** Every item 0–3, all present; each bad item is reported as its own field (phq9_1 … phq9_9). */
    private static List<Integer> answers(List<FieldProblem> problems, String field, List<Integer> raw, int items) {
        if (raw == null || raw.size() != items) {
            problems.add(new FieldProblem(field, new InvalidValueException("residents.assessment.items", items)));
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < items; i++) {
            Integer v = raw.get(i);
            if (v == null || v < 0 || v > 3) {
                problems.add(new FieldProblem(
                        field + "_" + (i + 1), new InvalidValueException("residents.assessment.item.range", i + 1)));
                ok = false;
            }
        }
        return ok ? List.copyOf(raw) : null;
    }

    private static String optional(String raw, int max) {
        String s = raw == null ? "" : raw.strip();
        if (s.length() > max) {
            throw new InvalidValueException("residents.assessment.text.length", max);
        }
        return s.isEmpty() ? null : s;
    }

    /** 行动能力. */
    public enum Mobility {
        INDEPENDENT,
        ASSISTED,
        BEDRIDDEN
    }

    /** 认知状态. */
    public enum Cognition {
        NORMAL,
        MILD_IMPAIRMENT,
        SEVERE_IMPAIRMENT
    }
}
