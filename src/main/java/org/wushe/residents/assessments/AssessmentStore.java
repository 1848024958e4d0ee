package org.wushe.residents.assessments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.residents.RiskLevel;
import org.wushe.residents.register.ResidentCipher;
import org.wushe.shared.RegionCode;

/** Assessments in SQL; item answers and notes stay encrypted (bound to this table and column). */
@Repository
class AssessmentStore {

    static final String TABLE = "residents_assessment";

    private final JdbcClient jdbc;
    private final ResidentCipher cipher;

    AssessmentStore(JdbcClient jdbc, ResidentCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Stores one assessment and makes its risk level and due date the resident's current ones. */
    public long insert(AssessmentDetails a, RegionCode community) {
        String answers = join(a.phq9()) + "|" + join(a.gad7());
        long id = jdbc.sql("""
                insert into residents_assessment (resident_id, community_code, assessed_at, assessed_by, food_days,
                    medicine_days, mobility, chronic_conditions, phq9_score, gad7_score, self_harm, answers_cipher,
                    cognition, psychotic_symptoms, notes_cipher, risk_level, reassess_due)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        a.residentId(),
                        community.value(),
                        Timestamp.from(a.assessedAt()),
                        a.assessedBy(),
                        a.foodDays(),
                        a.medicineDays(),
                        a.mobility(),
                        a.chronicConditions(),
                        a.phq9Score(),
                        a.gad7Score(),
                        a.selfHarm(),
                        cipher.encryptText(answers, TABLE, "answers"),
                        a.cognition(),
                        a.psychoticSymptoms(),
                        cipher.encryptText(a.notes(), TABLE, "notes"),
                        a.riskLevel().name(),
                        a.reassessDue())
                .query(Long.class)
                .single();
        jdbc.sql("update residents_resident set risk_level = ?, reassess_due = ? where id = ?")
                .params(a.riskLevel().name(), a.reassessDue(), a.residentId())
                .update();
        return id;
    }

    public List<AssessmentDetails> history(long residentId) {
        return jdbc.sql("select * from residents_assessment where resident_id = ? order by assessed_at desc, id desc")
                .param(residentId)
                .query((rs, n) -> map(rs, false))
                .list();
    }

    public Optional<AssessmentDetails> find(long residentId, long id) {
        return jdbc.sql("select * from residents_assessment where resident_id = ? and id = ?")
                .params(residentId, id)
                .query((rs, n) -> map(rs, true))
                .optional();
    }

    private AssessmentDetails map(ResultSet rs, boolean withAnswers) throws SQLException {
        List<Integer> phq9 = List.of();
        List<Integer> gad7 = List.of();
        String notes = null;
        if (withAnswers) {
            String[] parts = cipher.clearText(rs.getBytes("answers_cipher"), TABLE, "answers")
                    .split("\\|");
            phq9 = split(parts[0]);
            gad7 = split(parts[1]);
            notes = cipher.clearText(rs.getBytes("notes_cipher"), TABLE, "notes");
        }
        int phq = rs.getInt("phq9_score");
        int gad = rs.getInt("gad7_score");
        Integer medicine = rs.getObject("medicine_days", Integer.class);
        RiskRule.Result rule = RiskRule.evaluate(new RiskRule.Inputs(
                rs.getInt("food_days"),
                medicine,
                rs.getString("mobility"),
                phq,
                gad,
                rs.getBoolean("self_harm"),
                rs.getString("cognition"),
                rs.getBoolean("psychotic_symptoms")));
        return new AssessmentDetails(
                rs.getLong("id"),
                rs.getLong("resident_id"),
                rs.getTimestamp("assessed_at").toInstant(),
                rs.getString("assessed_by"),
                rs.getInt("food_days"),
                medicine,
                rs.getString("mobility"),
                rs.getString("chronic_conditions"),
                phq,
                Screening.phq9Band(phq),
                gad,
                Screening.gad7Band(gad),
                rs.getBoolean("self_harm"),
                rs.getString("cognition"),
                rs.getBoolean("psychotic_symptoms"),
                RiskLevel.valueOf(rs.getString("risk_level")),
                rule.reasons(),
                rs.getObject("reassess_due", LocalDate.class),
                phq9,
                gad7,
                notes);
    }

    private static String join(List<Integer> answers) {
        return String.join(",", answers.stream().map(String::valueOf).toList());
    }

    private static List<Integer> split(String s) {
        return s.isEmpty()
                ? List.of()
                : Arrays.stream(s.split(",")).map(Integer::valueOf).toList();
    }
}
