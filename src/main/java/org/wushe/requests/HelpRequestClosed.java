package org.wushe.requests;

import java.util.List;

/** A request was closed with the services delivered and the person-times they count. */
public record HelpRequestClosed(HelpRequestId id, String regionCode, Category category, List<ServiceType> serviceTypes,
        int personTimes) {

    public HelpRequestClosed {
        serviceTypes = List.copyOf(serviceTypes);
    }
}
