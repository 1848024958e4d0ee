package org.wushe.directory.socialworkers;

import java.time.LocalDate;
import java.util.List;
import org.wushe.directory.Availability;
import org.wushe.directory.Qualification;
import org.wushe.directory.Specialty;
import org.wushe.shared.Sex;

/** One social worker in a list or export: the ID number and phone masked. */
record SocialWorkerRow(
        long id,
        String name,
        String maskedIdNumber,
        Sex sex,
        LocalDate birthDate,
        String maskedPhone,
        Qualification qualification,
        String certificateNo,
        List<Specialty> specialties,
        boolean partyMember,
        Availability availability,
        String regionCode,
        List<String> organisations) {}
