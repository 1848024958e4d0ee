package org.wushe.directory.volunteers;

import java.time.Instant;
import java.util.List;
import org.wushe.directory.Skill;
import org.wushe.directory.VolunteerStatus;

/** A volunteer as listed to staff: name masked, no ID number or phone. */
record VolunteerRow(
        long id,
        String maskedName,
        String regionCode,
        List<Skill> skills,
        VolunteerStatus status,
        String passportNo,
        Instant createdAt) {}
