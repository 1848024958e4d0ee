package org.wushe.residents.register;

import java.time.LocalDate;
import org.wushe.residents.VulnerabilityCategory;

/**
 * One vulnerability category of a resident with the details that category needs: DISABLED a type and grade 1–4,
 * PREGNANT a due date and prenatal hospital, DIALYSIS a schedule and hospital, SERIOUS/CHRONIC_ILLNESS the illness.
 * Details that do not belong to the category are ignored.
 */
public record CategoryDetail(
        String category,
        String disabilityType,
        Integer disabilityGrade,
        LocalDate dueDate,
        String hospital,
        String schedule,
        String illness) {

    public static CategoryDetail of(VulnerabilityCategory category) {
        return new CategoryDetail(category.name(), null, null, null, null, null, null);
    }
}
