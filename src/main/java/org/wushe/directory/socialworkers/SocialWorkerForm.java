package org.wushe.directory.socialworkers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wushe.shared.InvalidValueException;

/** The create/edit form as submitted (lists as comma-separated text); blank ID number or phone on edit keeps it. */
record SocialWorkerForm(
        String name,
        String idNumber,
        String phone,
        String qualification,
        String certificateNo,
        List<String> specialties,
        Boolean partyMember,
        String reportedCommunity,
        String availability,
        String regionCode,
        String organisationIds,
        String servedRegions) {

    public SocialWorkerForm {
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
    }

    static SocialWorkerForm empty() {
        return new SocialWorkerForm("", "", "", "NONE", "", List.of(), false, "", "ON_DUTY", "", "", "");
    }

    static SocialWorkerForm of(SocialWorkerDetails w) {
        return new SocialWorkerForm(
                w.name(),
                "",
                "",
                w.qualification().name(),
                w.certificateNo(),
                w.specialties().stream().map(Enum::name).toList(),
                w.partyMember(),
                w.reportedCommunity(),
                w.availability().name(),
                w.regionCode(),
                String.join(
                        ", ", w.organisationIds().stream().map(String::valueOf).toList()),
                String.join(", ", w.servedRegions()));
    }

    /** The organisations field split into its parts (ids, or names typed where the picker did not run). */
    List<String> organisationTokens() {
        return split(organisationIds);
    }

    SocialWorkerForm withOrganisationIds(String ids) {
        return new SocialWorkerForm(
                name,
                idNumber,
                phone,
                qualification,
                certificateNo,
                specialties,
                partyMember,
                reportedCommunity,
                availability,
                regionCode,
                ids,
                servedRegions);
    }

    SocialWorkerDraft toDraft(boolean update) {
        List<Long> orgs = new ArrayList<>();
        for (String s : split(organisationIds)) {
            try {
                orgs.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw new InvalidValueException("directory.socialWorker.organisation.unknown", s);
            }
        }
        return new SocialWorkerDraft(
                name,
                update && blank(idNumber) ? null : idNumber,
                update && blank(phone) ? null : phone,
                qualification,
                certificateNo,
                specialties,
                Boolean.TRUE.equals(partyMember),
                reportedCommunity,
                availability,
                regionCode,
                orgs,
                split(servedRegions));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> split(String s) {
        return blank(s)
                ? List.of()
                : Arrays.stream(s.split("[,，、\\s]+")).filter(x -> !x.isBlank()).toList();
    }
}
