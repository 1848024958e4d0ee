package org.wushe.directory;

import java.time.Instant;
import java.util.List;

/** A volunteer as listed to staff: name masked, no ID number or phone. */
public record VolunteerRow(long id, String maskedName, String regionCode, List<Skill> skills, VolunteerStatus status,
        String passportNo, Instant createdAt) {
}
