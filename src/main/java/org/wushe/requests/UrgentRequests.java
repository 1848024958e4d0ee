package org.wushe.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.wushe.access.Accounts;
import org.wushe.access.Role;
import org.wushe.notify.StaffInbox;
import org.wushe.shared.RegionCode;

/**
 * A P1 — or any request whose first contact is due in less than {@link #SOON} — reaches the people who must act
 * at once: an inbox notice to every station and community staff account covering its place, with the minutes
 * left. Intake calls it for a new request, case work when triage raises one to P1. In the caller's transaction.
 */
@Component
public class UrgentRequests {

    public static final Duration SOON = Duration.ofMinutes(30);

    private final Accounts accounts;
    private final StaffInbox inbox;

    UrgentRequests(Accounts accounts, StaffInbox inbox) {
        this.accounts = accounts;
        this.inbox = inbox;
    }

    public static boolean urgent(Priority priority, Instant firstContactDue, Instant now) {
        return priority == Priority.P1 || Duration.between(now, firstContactDue).compareTo(SOON) < 0;
    }

    /** Posts the notice when the request is urgent; returns how many accounts it reached. */
    public int announce(
            long id, String trackingCode, RegionCode region, Priority priority, Instant firstContactDue, Instant now) {
        if (!urgent(priority, firstContactDue, now)) {
            return 0;
        }
        Set<Long> staff = new LinkedHashSet<>(accounts.holdersCovering(Role.STATION_STAFF, region));
        staff.addAll(accounts.holdersCovering(Role.COMMUNITY_STAFF, region));
        long minutes = Math.max(0, Duration.between(now, firstContactDue).toSeconds() / 60);
        return inbox.post(
                staff,
                "requests.inbox.urgent",
                List.of(TrackingCodes.display(trackingCode), priority.name(), Long.toString(minutes)),
                "/requests/" + id);
    }
}
