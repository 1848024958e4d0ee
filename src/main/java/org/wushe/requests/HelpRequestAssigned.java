package org.wushe.requests;

import org.wushe.shared.RegionCode;

/** A request was (re)assigned; ids of the directory records, null where none. */
public record HelpRequestAssigned(
        HelpRequestId id, RegionCode regionCode, Long organisationId, Long socialWorkerId, Long volunteerId) {}
