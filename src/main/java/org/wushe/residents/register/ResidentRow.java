package org.wushe.residents.register;

import java.time.LocalDate;
import java.util.List;
import org.wushe.residents.RiskLevel;
import org.wushe.shared.Sex;

/** A resident in a list: masked ID number, categories, risk. */
record ResidentRow(
        long id,
        String name,
        String maskedIdNumber,
        Sex sex,
        LocalDate birthDate,
        String communityCode,
        List<String> categories,
        RiskLevel riskLevel,
        boolean voided) {}
