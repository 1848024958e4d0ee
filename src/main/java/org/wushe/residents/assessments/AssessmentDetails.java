package org.wushe.residents.assessments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wushe.residents.RiskLevel;

/**
 * One assessment: scores, bands, derived risk and the reasons for it (message keys). The PHQ-9/GAD-7 item answers
 * and the notes are only filled in when one assessment is opened (an audited view); lists leave them empty.
 */
record AssessmentDetails(
        long id,
        long residentId,
        Instant assessedAt,
        String assessedBy,
        int foodDays,
        Integer medicineDays,
        String mobility,
        String chronicConditions,
        int phq9Score,
        String phq9Band,
        int gad7Score,
        String gad7Band,
        boolean selfHarm,
        String cognition,
        boolean psychoticSymptoms,
        RiskLevel riskLevel,
        List<String> reasons,
        LocalDate reassessDue,
        List<Integer> phq9,
        List<Integer> gad7,
        String notes) {}
