package org.wushe.residents.register;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.wushe.platform.ChinaTime;

/**
 * The create/edit form as posted (flat fields; the category details sit beside the category check-boxes). The grid
 * worker and the social worker are pickers: kept as typed (an id, or a name without script) so a name that
 * names nobody comes back with its message and the rest of the form.
 */
record ResidentForm(
        String name,
        String idNumber,
        String phone,
        String registeredAddress,
        String residenceAddress,
        String communityCode,
        String building,
        String unit,
        String room,
        String guardianName,
        String guardianRelation,
        String guardianPhone,
        String emergencyContactName,
        String emergencyContactRelation,
        String emergencyContactPhone,
        String gridWorkerAccountId,
        String socialWorkerId,
        String lawfulBasis,
        LocalDateTime consentAt,
        List<String> categories,
        String disabilityType,
        Integer disabilityGrade,
        LocalDate dueDate,
        String prenatalHospital,
        String dialysisSchedule,
        String dialysisHospital,
        String seriousIllness,
        String chronicIllness) {

    public ResidentForm {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    static ResidentForm empty() {
        return new ResidentForm(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "STATUTORY_DUTY",
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static ResidentForm of(ResidentDetails r) {
        CategoryDetail disabled = detail(r, "DISABLED");
        CategoryDetail pregnant = detail(r, "PREGNANT");
        CategoryDetail dialysis = detail(r, "DIALYSIS");
        return new ResidentForm(
                r.name(),
                null,
                null,
                r.registeredAddress(),
                r.residenceAddress(),
                r.communityCode().value(),
                r.building(),
                r.unit(),
                r.room(),
                r.guardianName(),
                r.guardianRelation(),
                null,
                r.emergencyContactName(),
                r.emergencyContactRelation(),
                null,
                r.gridWorkerAccountId() == null ? null : r.gridWorkerAccountId().toString(),
                r.socialWorkerId() == null ? null : r.socialWorkerId().toString(),
                r.lawfulBasis().name(),
                r.consentAt() == null ? null : LocalDateTime.ofInstant(r.consentAt(), ChinaTime.ZONE),
                r.categoryNames(),
                disabled.disabilityType(),
                disabled.disabilityGrade(),
                pregnant.dueDate(),
                pregnant.hospital(),
                dialysis.schedule(),
                dialysis.hospital(),
                detail(r, "SERIOUS_ILLNESS").illness(),
                detail(r, "CHRONIC_ILLNESS").illness());
    }

    private static CategoryDetail detail(ResidentDetails r, String category) {
        return r.categories().stream()
                .filter(c -> c.category().equals(category))
                .findFirst()
                .orElse(new CategoryDetail(category, null, null, null, null, null, null));
    }

    /**
     * The draft, with the grid worker and the social worker as the controller resolved them from what their
     * pickers submitted (an id, or a name typed without script).
     */
    ResidentDraft toDraft(Long gridWorker, Long socialWorker) {
        List<CategoryDetail> details = new ArrayList<>();
        for (String c : categories) {
            details.add(new CategoryDetail(
                    c,
                    disabilityType,
                    disabilityGrade,
                    dueDate,
                    "PREGNANT".equals(c) ? prenatalHospital : dialysisHospital,
                    dialysisSchedule,
                    "SERIOUS_ILLNESS".equals(c) ? seriousIllness : chronicIllness));
        }
        return new ResidentDraft(
                name,
                idNumber,
                phone,
                registeredAddress,
                residenceAddress,
                communityCode,
                building,
                unit,
                room,
                guardianName,
                guardianRelation,
                guardianPhone,
                emergencyContactName,
                emergencyContactRelation,
                emergencyContactPhone,
                gridWorker,
                socialWorker,
                lawfulBasis,
                consentAt == null ? null : consentAt.atZone(ChinaTime.ZONE).toInstant(),
                details);
    }

    public boolean has(String category) {
        return categories.contains(category);
    }
}
