package org.wushe.residents.checkins;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A resident's daily check-in: the enrolment (null when never enrolled), the latest check-ins and alerts. */
record CheckInOverview(long residentId, Enrolment enrolment, List<Entry> checkIns, List<Alert> alerts) {

    /** addressAs: the 称呼 the resident's page greets by ("" for an enrolment made before there was one). */
    public record Enrolment(
            LocalTime deadline, String addressAs, boolean active, Instant enrolledAt, String enrolledBy) {}

    public record Entry(LocalDate date, CheckInStatus status, Instant at, String by) {}

    /** level MISSED (to the grid worker), ESCALATED (to the station) or HELP (the resident asked for help). */
    public record Alert(LocalDate date, String level, Instant raisedAt) {}
}
