package org.wushe.directory.volunteers;

import java.util.List;
import org.wushe.directory.Skill;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;
import org.wushe.shared.ResidentIdNumber;

/**
 * A volunteer's description, validated, as the store writes it: a public registration (new or merged into an
 * earlier one), a row of a station's roster import, a demo volunteer. {@code served} includes the home region.
 */
public record NewVolunteer(
        String name,
        ResidentIdNumber idNumber,
        PhoneNumber phone,
        List<Skill> skills,
        RegionCode region,
        List<RegionCode> served,
        String availability,
        String emergencyName,
        PhoneNumber emergencyPhone) {}
