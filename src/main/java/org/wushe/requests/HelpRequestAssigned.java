package org.wushe.requests;

/** A request was (re)assigned; ids of the directory records, null where none. */
public record HelpRequestAssigned(HelpRequestId id, String regionCode, Long organisationId, Long socialWorkerId,
        Long volunteerId) {
}
