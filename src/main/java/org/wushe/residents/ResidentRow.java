package org.wushe.residents;

import java.time.LocalDate;
import java.util.List;

import org.wushe.shared.Sex;

/** A resident in a list: masked ID number, categories, risk. */
public record ResidentRow(long id, String name, String maskedIdNumber, Sex sex, LocalDate birthDate,
        String communityCode, List<String> categories, RiskLevel riskLevel, boolean voided) {
}
