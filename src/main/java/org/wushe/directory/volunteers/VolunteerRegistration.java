package org.wushe.directory.volunteers;

import java.util.List;
import org.wushe.directory.WeeklySlots;

/**
 * What a person enters on the public registration page (raw, validated by {@link Volunteers#register}).
 * {@code consentVersion} is the version of the privacy notice they ticked, or null if they did not;
 * {@code weeklySlots} the ticked cells of the week grid ({@link WeeklySlots}, e.g. {@code MONDAY_EVENING}).
 */
public record VolunteerRegistration(
        String name,
        String idNumber,
        String phone,
        String code,
        List<String> skills,
        String regionCode,
        List<String> servedRegions,
        String availability,
        String emergencyName,
        String emergencyPhone,
        String consentVersion,
        List<String> weeklySlots) {

    public VolunteerRegistration {
        skills = skills == null ? List.of() : List.copyOf(skills);
        servedRegions = servedRegions == null ? List.of() : List.copyOf(servedRegions);
        weeklySlots = weeklySlots == null ? List.of() : List.copyOf(weeklySlots);
    }

    /** A registration without the week grid (callers that predate it). */
    public VolunteerRegistration(
            String name,
            String idNumber,
            String phone,
            String code,
            List<String> skills,
            String regionCode,
            List<String> servedRegions,
            String availability,
            String emergencyName,
            String emergencyPhone,
            String consentVersion) {
        this(
                name,
                idNumber,
                phone,
                code,
                skills,
                regionCode,
                servedRegions,
                availability,
                emergencyName,
                emergencyPhone,
                consentVersion,
                List.of());
    }
}
