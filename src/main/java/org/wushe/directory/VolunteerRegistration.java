package org.wushe.directory;

import java.util.List;

/**
 * What a person enters on the public registration page (raw, validated by {@link Volunteers#register}).
 * {@code consentVersion} is the version of the privacy notice they ticked, or null if they did not.
 */
public record VolunteerRegistration(String name, String idNumber, String phone, String code, List<String> skills,
        String regionCode, List<String> servedRegions, String availability, String emergencyName,
        String emergencyPhone, String consentVersion) {

    public VolunteerRegistration {
        skills = skills == null ? List.of() : List.copyOf(skills);
        servedRegions = servedRegions == null ? List.of() : List.copyOf(servedRegions);
    }
}
