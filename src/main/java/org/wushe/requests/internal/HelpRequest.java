package org.wushe.requests.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.ServiceType;
import org.wushe.shared.InvalidValueException;

import static org.wushe.requests.HelpRequestStatus.ACCEPTED;
import static org.wushe.requests.HelpRequestStatus.ASSIGNED;
import static org.wushe.requests.HelpRequestStatus.CANCELLED;
import static org.wushe.requests.HelpRequestStatus.CLOSED;
import static org.wushe.requests.HelpRequestStatus.IN_PROGRESS;
import static org.wushe.requests.HelpRequestStatus.RESOLVED;
import static org.wushe.requests.HelpRequestStatus.SUBMITTED;
import static org.wushe.requests.HelpRequestStatus.TRIAGED;

/**
 * The help-request aggregate: owns its state changes, refuses a transition its status does not allow
 * ({@code requests.error.transition}), and records each change as a timeline entry for the store to append.
 * Who handles it (organisation, social worker, volunteer) is referred to by directory ids.
 */
public class HelpRequest {

    public enum Party { WORKER, VOLUNTEER }

    /** One line of the timeline; PUBLIC lines are what the resident sees. */
    public record Entry(String kind, String actor, boolean isPublic, String detail, String note) {
    }

    public record Assignee(long id, Long accountId, String name) {
    }

    private final long id;
    private final String trackingCode;
    private final String regionCode;
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

    public HelpRequest(long id, String trackingCode, String regionCode, HelpRequestStatus status, Priority priority,
            int version) {
        this.id = id;
        this.trackingCode = trackingCode;
        this.regionCode = regionCode;
        this.status = status;
        this.priority = priority;
        this.version = version;
    }

    /** Restores the assignment part when loaded from the store. */
    public HelpRequest withAssignment(Long organisationId, String organisationName, Assignee worker,
            boolean workerAccepted, Assignee volunteer, boolean volunteerAccepted) {
        this.organisationId = organisationId;
        this.organisationName = organisationName;
        this.worker = worker;
        this.workerAccepted = workerAccepted;
        this.volunteer = volunteer;
        this.volunteerAccepted = volunteerAccepted;
        return this;
    }

    /** Restores the closure part when loaded from the store. */
    public HelpRequest withClosure(Instant firstContactAt, Instant resolvedAt, Instant closedAt,
            List<ServiceType> serviceTypes, int personTimes, Instant confirmedAt, String confirmedBy, Integer rating) {
        this.firstContactAt = firstContactAt;
        this.resolvedAt = resolvedAt;
        this.closedAt = closedAt;
        this.serviceTypes = List.copyOf(serviceTypes);
        this.personTimes = personTimes;
        this.confirmedAt = confirmedAt;
        this.confirmedBy = confirmedBy;
        this.rating = rating;
        return this;
    }

    public void triage(Priority newPriority, String by) {
        require(EnumSet.of(SUBMITTED, TRIAGED, ASSIGNED, ACCEPTED, IN_PROGRESS));
        if (newPriority == null) {
            throw new InvalidValueException("requests.error.priority");
        }
        this.priority = newPriority;
        if (status == SUBMITTED) {
            status = TRIAGED;
        }
        record("TRIAGED", by, true, newPriority.name(), null);
    }

    /**
     * Assigns (or reassigns) the organisation, social worker and/or volunteer: the 社工+志愿者 pairing. A party that
     * changes must accept again; one that stays keeps its acceptance.
     */
    public void assign(Long orgId, String orgName, Assignee newWorker, Assignee newVolunteer, String by) {
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
        record(reassignment ? "REASSIGNED" : "ASSIGNED", by, true, null, null);
    }

    /** The assigned social worker or volunteer takes it on; the first acceptance is the first contact. */
    public void accept(Party party, String by, Instant now) {
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
        record("ACCEPTED", by, true, party.name(), null);
    }

    /** The assignee cannot take it: they leave it; with nobody left on it, it goes back to be assigned. */
    public void decline(Party party, String reason, String by) {
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
        record("DECLINED", by, false, party.name(), reason);
    }

    public void start(String by, Instant now) {
        require(EnumSet.of(ACCEPTED));
        status = IN_PROGRESS;
        if (firstContactAt == null) {
            firstContactAt = now;
        }
        record("STARTED", by, true, null, null);
    }

    public void resolve(String summary, List<ServiceType> delivered, int persons, String by, Instant now) {
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
        record("RESOLVED", by, true, null, null);
    }

    /** Closes a resolved request; refused while a referral is still pending or accepted. */
    public void close(int openReferrals, String by, Instant now) {
        require(EnumSet.of(RESOLVED));
        if (openReferrals > 0) {
            throw new InvalidValueException("requests.error.openReferrals", openReferrals);
        }
        closedAt = now;
        status = CLOSED;
        record("CLOSED", by, true, null, null);
    }

    public void cancel(String reason, String by) {
        require(EnumSet.of(SUBMITTED, TRIAGED, ASSIGNED, ACCEPTED, IN_PROGRESS));
        status = CANCELLED;
        record("CANCELLED", by, true, null, reason);
    }

    /** The resident confirms the resolution with a rating, or the system does so after the configured days. */
    public void confirm(Integer stars, boolean automatic, Instant now) {
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
        record(automatic ? "AUTO_CONFIRMED" : "CONFIRMED", automatic ? "system" : "resident", true,
                automatic ? null : Integer.toString(stars), null);
    }

    /** More information from the resident, or an internal note by staff. */
    public void addInformation(String text, String by, boolean fromResident) {
        require(EnumSet.of(SUBMITTED, TRIAGED, ASSIGNED, ACCEPTED, IN_PROGRESS, RESOLVED));
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("requests.error.textRequired");
        }
        if (text.length() > 1000) {
            throw new InvalidValueException("requests.error.tooLong", 1000);
        }
        record(fromResident ? "INFO_ADDED" : "NOTE", by, fromResident, null, text.strip());
    }

    /** A timeline line for something that happened around the request (a referral, an escalation, a call). */
    public void log(String kind, String by, boolean isPublic, String detail, String note) {
        record(kind, by, isPublic, detail, note);
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

    private void record(String kind, String by, boolean isPublic, String detail, String note) {
        pending.add(new Entry(kind, by, isPublic, detail, note));
    }

    public List<Entry> drainEntries() {
        List<Entry> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    public long id() { return id; }
    public String trackingCode() { return trackingCode; }
    public String regionCode() { return regionCode; }
    public HelpRequestStatus status() { return status; }
    public Priority priority() { return priority; }
    public Long organisationId() { return organisationId; }
    public String organisationName() { return organisationName; }
    public Assignee worker() { return worker; }
    public boolean workerAccepted() { return workerAccepted; }
    public Assignee volunteer() { return volunteer; }
    public boolean volunteerAccepted() { return volunteerAccepted; }
    public Instant firstContactAt() { return firstContactAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant closedAt() { return closedAt; }
    public String resolution() { return resolution; }
    public List<ServiceType> serviceTypes() { return serviceTypes; }
    public int personTimes() { return personTimes; }
    public Instant confirmedAt() { return confirmedAt; }
    public String confirmedBy() { return confirmedBy; }
    public Integer rating() { return rating; }
    public int version() { return version; }
}
