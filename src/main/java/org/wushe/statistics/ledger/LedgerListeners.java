package org.wushe.statistics.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.wushe.requests.HelpRequestClosed;
import org.wushe.requests.ServiceType;
import org.wushe.residents.CaseStageChanged;
import org.wushe.residents.CheckInRecorded;
import org.wushe.residents.VerificationTaskRecorded;
import org.wushe.residents.VisitRecorded;
import org.wushe.statistics.ServiceKind;
import org.wushe.statistics.ledger.LedgerEntry.Source;

/**
 * Turns the other modules' events into ledger rows. Each listener runs after its publisher committed, in a
 * transaction of its own, through the event publication registry: if it fails (or the node dies) the publication
 * stays incomplete and is delivered again, and the ledger's key makes the second delivery count nothing twice.
 */
@Component
class LedgerListeners {

    private final Ledger ledger;
    private final Deliverers deliverers;

    LedgerListeners(Ledger ledger, Deliverers deliverers) {
        this.ledger = ledger;
        this.deliverers = deliverers;
    }

    /**
     * One row per service type of the request; its person-times are split over them so the rows add up to the
     * request's own figure (the first types take the remainder).
     */
    @ApplicationModuleListener
    void on(HelpRequestClosed e) {
        List<ServiceKind> kinds = new ArrayList<>();
        for (ServiceType type : e.serviceTypes()) {
            kinds.add(ServiceKind.valueOf(type.name()));
        }
        if (kinds.isEmpty()) {
            kinds.add(ServiceKind.OTHER_HELP);
        }
        LedgerEntry.Deliverer by = deliverers.of(e.organisationId(), e.socialWorkerId(), e.volunteerId());
        int share = e.personTimes() / kinds.size();
        int rest = e.personTimes() % kinds.size();
        for (int i = 0; i < kinds.size(); i++) {
            ledger.append(new LedgerEntry(
                    Source.HELP_REQUEST,
                    Long.toString(e.id().value()),
                    kinds.get(i),
                    e.regionCode().value(),
                    e.closedAt(),
                    by,
                    share + (i < rest ? 1 : 0),
                    BigDecimal.ZERO));
        }
    }

    @ApplicationModuleListener
    void on(VisitRecorded e) {
        ledger.append(new LedgerEntry(
                Source.VISIT,
                Long.toString(e.visitId()),
                ServiceKind.VISIT,
                e.communityCode(),
                e.visitedAt(),
                deliverers.ofAccount(e.visitedBy()),
                1,
                BigDecimal.ZERO));
    }

    /** One a resident and day: checking in twice the same day is still one check-in. */
    @ApplicationModuleListener
    void on(CheckInRecorded e) {
        ledger.append(new LedgerEntry(
                Source.CHECK_IN,
                e.residentId() + ":" + e.day(),
                ServiceKind.CHECK_IN,
                e.communityCode(),
                e.at(),
                deliverers.ofAccount(e.by()),
                1,
                BigDecimal.ZERO));
    }

    /** A task counts once, when its outcome is first recorded; a correction later is not a second service. */
    @ApplicationModuleListener
    void on(VerificationTaskRecorded e) {
        ledger.append(new LedgerEntry(
                Source.VERIFICATION_TASK,
                Long.toString(e.taskId()),
                ServiceKind.VERIFICATION,
                e.communityCode(),
                e.at(),
                deliverers.ofAccount(e.by()),
                1,
                BigDecimal.ZERO));
    }

    /** A case session: each stage a case reaches is one. */
    @ApplicationModuleListener
    void on(CaseStageChanged e) {
        ledger.append(new LedgerEntry(
                Source.CASE,
                e.caseId() + ":" + e.stage(),
                ServiceKind.CASE_SESSION,
                e.communityCode(),
                e.at(),
                deliverers.ofAccount(e.by()),
                1,
                BigDecimal.ZERO));
    }
}
