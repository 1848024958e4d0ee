package org.wushe.requests;

import java.time.Instant;
import java.util.List;
import org.wushe.shared.RegionCode;

/**
 * A request was closed with the services delivered and the person-times they count. The directory ids say who
 * delivered them (null where nobody was assigned), so the statistics can count by organisation without reading
 * the request.
 */
public record HelpRequestClosed(
        HelpRequestId id,
        RegionCode regionCode,
        Category category,
        List<ServiceType> serviceTypes,
        int personTimes,
        Long organisationId,
        Long socialWorkerId,
        Long volunteerId,
        Instant closedAt) {

    public HelpRequestClosed {
        serviceTypes = List.copyOf(serviceTypes);
    }
}
