package org.wushe.requests.casework;

import static org.wushe.requests.HelpRequestStatus.ACCEPTED;
import static org.wushe.requests.HelpRequestStatus.ASSIGNED;
import static org.wushe.requests.HelpRequestStatus.CANCELLED;
import static org.wushe.requests.HelpRequestStatus.CLOSED;
import static org.wushe.requests.HelpRequestStatus.IN_PROGRESS;
import static org.wushe.requests.HelpRequestStatus.RESOLVED;
import static org.wushe.requests.HelpRequestStatus.SUBMITTED;
import static org.wushe.requests.HelpRequestStatus.TRIAGED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.ServiceType;
import org.wushe.requests.TimelineKind;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The help-request aggregate: owns its state changes, refuses a transition its status does not allow
 * ({@code requests.error.transition}), and records each change as a timeline entry for the store to append.
 * Who handles it (organisation, social worker, volunteer) is referred to by directory ids.
 */
class HelpRequest {

    enum Party {
        WORKER,
        VOLUNTEER
    }

    /** One line of the timeline; PUBLIC lines are what the resident sees. */
    record Entry(TimelineKind kind, String actor, boolean isPublic, String detail, String note) {}

    record Assignee(long id, Long accountId, String name) {}

    private final long id;
    private final String trackingCode;
    private final RegionCode regionCode;
    private HelpRequestStatus status;
    private Priority priority;
    private Long organisationId;
    private String organisationName;
    private Assignee worker;
    private boolean workerAccepted;
    private Assignee volunteer;
    private boolean volunteerAccepted;
    private Instant firstContactAt;
    private Instant resolvedAt;
    private Instant closedAt;
    private String resolution;
    private List<ServiceType> serviceTypes = List.of();
    private int personTimes;
    private Instant confirmedAt;
    private String confirmedBy;
    private Integer rating;
    private final int version;
    private final List<Entry> pending = new ArrayList<>();

    HelpRequest(
            long id,
            String trackingCode,
            RegionCode regionCode,
            HelpRequestStatus status,
            Priority priority,
            int version) {
        this.id = id;
        this.trackingCode = trackingCode;
        this.regionCode = regionCode;
        this.status = status;
        this.priority = priority;
        this.version = version;
    }

    /** A copy with the same state and no pending timeline lines, for the {@code with…} methods. */
    private HelpRequest copy() {
        HelpRequest c = new HelpRequest(id, trackingCode, regionCode, status, priority, version);
        c.organisationId = organisationId;
        c.organisationName = organisationName;
        c.worker = worker;
        c.workerAccepted = workerAccepted;
        c.volunteer = volunteer;
        c.volunteerAccepted = volunteerAccepted;
        c.firstContactAt = firstContactAt;
        c.resolvedAt = resolvedAt;
        c.closedAt = closedAt;
        c.resolution = resolution;
        c.serviceTypes = serviceTypes;
        c.personTimes = personTimes;
        c.confirmedAt = confirmedAt;
        c.confirmedBy = confirmedBy;
        c.rating = rating;
        return c;
    }

    /** This request with the assignment part as loaded from the store; this one is left as it is. */
    HelpRequest withAssignment(
            Long organisationId,
            String organisationName,
            Assignee worker,
            boolean workerAccepted,
            Assignee volunteer,
            boolean volunteerAccepted) {
        HelpRequest c = copy();
        c.organisationId = organisationId;
        c.organisationName = organisationName;
        c.worker = worker;
        c.workerAccepted = workerAccepted;
        c.volunteer = volunteer;
        c.volunteerAccepted = volunteerAccepted;
        return c;
    }

    /** This request with the closure part as loaded from the store; this one is left as it is. */
    HelpRequest withClosure(
            Instant firstContactAt,
            Instant resolvedAt,
            Instant closedAt,
            List<ServiceType> serviceTypes,
            int personTimes,
            Instant confirmedAt,
            String confirmedBy,
            Integer rating) {
        HelpRequest c = copy();
        c.firstContactAt = firstContactAt;
        c.resolvedAt = resolvedAt;
        c.closedAt = closedAt;
        c.serviceTypes = List.copyOf(serviceTypes);
        c.personTimes = personTimes;
        c.confirmedAt = confirmedAt;
        c.confirmedBy = confirmedBy;
        c.rating = rating;
        return c;
    }

    void triage(Priority newPriority, String by) {
        require(EnumSet.of(SUBMITTED, TRIAGED, ASSIGNED, ACCEPTED, IN_PROGRESS));
        if (newPriority == null) {
            throw new InvalidValueException("requests.error.priority");
        }
        this.priority = newPriority;
        if (status == SUBMITTED) {
            status = TRIAGED;
        }
        record(TimelineKind.TRIAGED, by, true, newPriority.name(), null);
    }

    /**
     * Assigns (or reassigns) the organisation, social worker and/or volunteer: the 社工+志愿者 pairing. A party that
     * changes must accept again; one that stays keeps its acceptance.
     */
    void assign(Long orgId, String orgName, Assignee newWorker, Assignee newVolunteer, String by) {
        require(EnumSet.of(TRIAGED, ASSIGNED, ACCEPTED, IN_PROGRESS));
        if (orgId == null && newWorker == null && newVolunteer == null) {
            throw new InvalidValueException("requests.error.assigneeRequired");
        }
        boolean reassignment = status != TRIAGED;
        if (newWorker == null || worker == null || newWorker.id() != worker.id()) {
            workerAccepted = false;
        }
        if (newVolunteer == null || volunteer == null || newVolunteer.id() != volunteer.id()) {
            volunteerAccepted = false;
        }
        organisationId = orgId;
        organisationName = orgName;
        worker = newWorker;
        volunteer = newVolunteer;
        status = anyAccepted() ? (status == IN_PROGRESS ? IN_PROGRESS : ACCEPTED) : ASSIGNED;
        record(reassignment ? TimelineKind.REASSIGNED : TimelineKind.ASSIGNED, by, true, null, null);
    }

    /** The assigned social worker or volunteer takes it on; the first acceptance is the first contact. */
    void accept(Party party, String by, Instant now) {
        require(EnumSet.of(ASSIGNED, ACCEPTED, IN_PROGRESS));
        if (party == Party.WORKER) {
            requireAssigned(worker);
            workerAccepted = true;
        } else {
            requireAssigned(volunteer);
            volunteerAccepted = true;
        }
        if (status == ASSIGNED) {
            status = ACCEPTED;
        }
        if (firstContactAt == null) {
            firstContactAt = now;
        }
        record(TimelineKind.ACCEPTED, by, true, party.name(), null);
    }

    /** The assignee cannot take it: they leave it; with nobody left on it, it goes back to be assigned. */
    void decline(Party party, String reason, String by) {
        require(EnumSet.of(ASSIGNED, ACCEPTED, IN_PROGRESS));
        if (party == Party.WORKER) {
            requireAssigned(worker);
            worker = null;
            workerAccepted = false;
        } else {
            requireAssigned(volunteer);
            volunteer = null;
            volunteerAccepted = false;
        }
        if (worker == null && volunteer == null && organisationId == null) {
            status = TRIAGED;
        } else if (!anyAccepted()) {
            status = ASSIGNED;
        }
        record(TimelineKind.DECLINED, by, false, party.name(), reason);
    }

    void start(String by, Instant now) {
        require(EnumSet.of(ACCEPTED));
        status = IN_PROGRESS;
        if (firstContactAt == null) {
            firstContactAt = now;
        }
        record(TimelineKind.STARTED, by, true, null, null);
    }

    void resolve(String summary, List<ServiceType> delivered, int persons, String by, Instant now) {
        require(EnumSet.of(ACCEPTED, IN_PROGRESS));
        if (summary == null || summary.isBlank()) {
            throw new InvalidValueException("requests.error.summaryRequired");
        }
        if (delivered == null || delivered.isEmpty()) {
            throw new InvalidValueException("requests.error.serviceTypeRequired");
        }
        if (persons < 1 || persons > 10_000) {
            throw new InvalidValueException("requests.error.personTimes");
        }
        resolution = summary.strip();
        serviceTypes = List.copyOf(Set.copyOf(delivered)).stream().sorted().toList();
        personTimes = persons;
        resolvedAt = now;
        status = RESOLVED;
        record(TimelineKind.RESOLVED, by, true, null, null);
    }

    /** Closes a resolved request; refused while a referral is still pending or accepted. */
    void close(int openReferrals, String by, Instant now) {
        require(EnumSet.of(RESOLVED));
        if (openReferrals > 0) {
            throw new InvalidValueException("requests.error.openReferrals", openReferrals);
        }
        closedAt = now;
        status = CLOSED;
        record(TimelineKind.CLOSED, by, true, null, null);
    }

    void cancel(String reason, String by) {
        require(EnumSet.of(SUBMITTED, TRIAGED, ASSIGNED, ACCEPTED, IN_PROGRESS));
        status = CANCELLED;
        record(TimelineKind.CANCELLED, by, true, null, reason);
    }

    /** The resident confirms the resolution with a rating, or the system does so after the configured days. */
    void confirm(Integer stars, boolean automatic, Instant now) {
        require(EnumSet.of(RESOLVED, CLOSED));
        if (confirmedAt != null) {
            throw new InvalidValueException("requests.error.alreadyConfirmed");
        }
        if (!automatic && (stars == null || stars < 1 || stars > 5)) {
            throw new InvalidValueException("requests.error.rating");
        }
        confirmedAt = now;
        confirmedBy = automatic ? "AUTO" : "RESIDENT";
        rating = automatic ? null : stars;
        record(
                automatic ? TimelineKind.AUTO_CONFIRMED : TimelineKind.CONFIRMED,
                automatic ? "system" : "resident",
                true,
                automatic ? null : Integer.toString(stars),
                null);
    }

    /** More information from the resident, or an internal note by staff. */
    void addInformation(String text, String by, boolean fromResident) {
        require(EnumSet.of(SUBMITTED, TRIAGED, ASSIGNED, ACCEPTED, IN_PROGRESS, RESOLVED));
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("requests.error.textRequired");
        }
        if (text.length() > 1000) {
            throw new InvalidValueException("requests.error.tooLong", 1000);
        }
        record(fromResident ? TimelineKind.INFO_ADDED : TimelineKind.NOTE, by, fromResident, null, text.strip());
    }

    /** A follow-up call (回访) after resolution: reached or not, and if reached a satisfaction of 1–5. */
    void followUp(boolean reached, Integer satisfaction, String by) {
        require(EnumSet.of(RESOLVED, CLOSED));
        if (reached && (satisfaction == null || satisfaction < 1 || satisfaction > 5)) {
            throw new InvalidValueException("requests.error.rating");
        }
        record(TimelineKind.FOLLOW_UP, by, false, reached ? Integer.toString(satisfaction) : null, null);
    }

    /** The escalation job moved it to {@code level} (1 station, 2 district) because a deadline passed. */
    void escalated(int level) {
        record(TimelineKind.ESCALATED, "system", false, Integer.toString(level), null);
    }

    private boolean anyAccepted() {
        return (worker != null && workerAccepted) || (volunteer != null && volunteerAccepted);
    }

    private void require(Set<HelpRequestStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new InvalidValueException("requests.error.transition", status.name());
        }
    }

    private static void requireAssigned(Assignee party) {
        if (party == null) {
            throw new InvalidValueException("requests.error.notAssigned");
        }
    }

    private void record(TimelineKind kind, String by, boolean isPublic, String detail, String note) {
        pending.add(new Entry(kind, by, isPublic, detail, note));
    }

    List<Entry> drainEntries() {
        List<Entry> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    long id() {
        return id;
    }

    String trackingCode() {
        return trackingCode;
    }

    RegionCode regionCode() {
        return regionCode;
    }

    HelpRequestStatus status() {
        return status;
    }

    Priority priority() {
        return priority;
    }

    Long organisationId() {
        return organisationId;
    }

    String organisationName() {
        return organisationName;
    }

    Assignee worker() {
        return worker;
    }

    boolean workerAccepted() {
        return workerAccepted;
    }

    Assignee volunteer() {
        return volunteer;
    }

    boolean volunteerAccepted() {
        return volunteerAccepted;
    }

    Instant firstContactAt() {
        return firstContactAt;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    String resolution() {
        return resolution;
    }

    List<ServiceType> serviceTypes() {
        return serviceTypes;
    }

    int personTimes() {
        return personTimes;
    }

    Instant confirmedAt() {
        return confirmedAt;
    }

    String confirmedBy() {
        return confirmedBy;
    }

    Integer rating() {
        return rating;
    }

    int version() {
        return version;
    }
}
