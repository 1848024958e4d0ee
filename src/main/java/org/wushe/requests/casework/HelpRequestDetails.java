package org.wushe.requests.casework;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.wushe.requests.Category;
import org.wushe.requests.Channel;
import org.wushe.requests.ForWhom;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.ServiceType;
import org.wushe.requests.Urgency;
import org.wushe.shared.RegionCode;

/** A request as staff see it: phone masked (revealed with a reason), description and address in clear. */
record HelpRequestDetails(
        long id,
        String trackingCode,
        Category category,
        Priority priority,
        HelpRequestStatus status,
        Channel channel,
        ForWhom forWhom,
        Urgency urgency,
        RegionCode regionCode,
        String address,
        String maskedPhone,
        String description,
        Map<String, Boolean> answers,
        Instant submittedAt,
        Instant firstContactDue,
        Instant resolutionDue,
        Instant firstContactAt,
        Instant resolvedAt,
        Instant closedAt,
        Long organisationId,
        String organisationName,
        Long workerId,
        String workerName,
        boolean workerAccepted,
        Long volunteerId,
        String volunteerName,
        boolean volunteerAccepted,
        int escalationLevel,
        Long relatedRequestId,
        String relatedTrackingCode,
        String resolution,
        List<ServiceType> serviceTypes,
        int personTimes,
        Instant confirmedAt,
        String confirmedBy,
        Integer rating,
        List<TimelineLine> timeline,
        List<ReferralView> referrals,
        List<FollowUpView> followUps) {

    public boolean overdue(Instant now) {
        return status.open()
                && (firstContactAt == null && firstContactDue.isBefore(now) || resolutionDue.isBefore(now));
    }
}
