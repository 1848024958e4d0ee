package org.wushe.requests;

import java.util.List;
import org.wushe.shared.RegionCode;

/** A request was closed with the services delivered and the person-times they count. */
public record HelpRequestClosed(
        HelpRequestId id, RegionCode regionCode, Category category, List<ServiceType> serviceTypes, int personTimes) {

    public HelpRequestClosed {
        serviceTypes = List.copyOf(serviceTypes);
    }
}
