package org.wushe.residents.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.wushe.residents.ResidentTestData.A;
import static org.wushe.residents.ResidentTestData.draft;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.region.Regions;
import org.wushe.residents.ResidentTestData;
import org.wushe.residents.RiskLevel;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.register.InvalidFieldsException;
import org.wushe.residents.register.ResidentDetails;
import org.wushe.residents.register.ResidentNotFoundException;
import org.wushe.residents.register.Residents;
import org.wushe.shared.RegionCode;

/** Assessments: scoring, risk on the resident, history, refused field by field, the self-harm alert. */
@WusheIntegrationTest
class AssessmentsTests {

    static final Staff COMMUNITY_A = Staff.as(Role.COMMUNITY_STAFF).in(A).named("community-a-assessor");
    static final AtomicInteger N = new AtomicInteger();

    @Autowired
    Residents residents;

    @Autowired
    Assessments assessments;

    @Autowired
    Accounts accounts;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void communities() {
        ResidentTestData.communities(regions);
    }

    static AssessmentDraft answers(List<Integer> phq9, List<Integer> gad7) {
        return new AssessmentDraft(14, 30, "INDEPENDENT", "高血压", phq9, gad7, "NORMAL", false, "情绪低落，独居");
    }

    @Test
    void phq9Of20GivesHighRisk() {
        long rid = COMMUNITY_A.call(() -> residents.create(draft("钱淑芬", A, VulnerabilityCategory.ELDERLY_ALONE)));
        // 3+3+3+3+3+3+2+0+0 = 20, item 9 negative
        AssessmentDetails a = COMMUNITY_A.call(() ->
                assessments.record(rid, answers(List.of(3, 3, 3, 3, 3, 3, 2, 0, 0), List.of(0, 0, 0, 0, 0, 0, 0))));
        assertThat(a.phq9Score()).isEqualTo(20);
        assertThat(a.phq9Band()).isEqualTo("SEVERE");
        assertThat(a.selfHarm()).isFalse();
        assertThat(a.riskLevel()).isEqualTo(RiskLevel.HIGH);
        ResidentDetails r = COMMUNITY_A.call(() -> residents.get(rid));
        assertThat(r.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(r.reassessDue()).isEqualTo(a.reassessDue());

        AssessmentDetails later = COMMUNITY_A.call(() ->
                assessments.record(rid, answers(List.of(2, 2, 2, 2, 2, 0, 0, 0, 0), List.of(1, 1, 1, 1, 1, 0, 0))));
        assertThat(later.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(COMMUNITY_A.call(() -> assessments.history(rid)))
                .extracting(AssessmentDetails::riskLevel)
                .containsExactly(RiskLevel.MEDIUM, RiskLevel.HIGH);
        assertThat(COMMUNITY_A.call(() -> residents.get(rid)).riskLevel()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void answersAndNotesAreEncryptedAndTheirViewIsAudited() {
        long rid = COMMUNITY_A.call(() -> residents.create(draft("孙丽娟", A)));
        AssessmentDetails a = COMMUNITY_A.call(() ->
                assessments.record(rid, answers(List.of(1, 2, 0, 0, 0, 0, 0, 0, 0), List.of(0, 0, 0, 0, 0, 0, 0))));
        byte[] notes = jdbc.sql("select notes_cipher from residents_assessment where id = ?")
                .param(a.id())
                .query(byte[].class)
                .single();
        assertThat(new String(notes, StandardCharsets.UTF_8)).doesNotContain("独居");
        assertThat(COMMUNITY_A.call(() -> assessments.history(rid)).get(0).notes())
                .isNull();
        AssessmentDetails opened = COMMUNITY_A.call(() -> assessments.get(rid, a.id()));
        assertThat(opened.notes()).isEqualTo("情绪低落，独居");
        assertThat(opened.phq9()).containsExactly(1, 2, 0, 0, 0, 0, 0, 0, 0);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                                        "select count(*) from audit_entry"
                                                + " where entity_type = 'resident_assessment' and entity_id = ? and action = 'VIEW_SENSITIVE'")
                                .param(Long.toString(a.id()))
                                .query(Long.class)
                                .single()
                        == 1);
        assertThatThrownBy(() ->
                        Staff.as(Role.COMMUNITY_STAFF).in(ResidentTestData.B).call(() -> assessments.get(rid, a.id())))
                .isInstanceOf(ResidentNotFoundException.class);
    }

    @Test
    void anInvalidAssessmentIsRefusedFieldByField() {
        long rid = COMMUNITY_A.call(() -> residents.create(draft("周桂英", A)));
        AssessmentDraft bad = new AssessmentDraft(
                -1, 400, "FLYING", null, List.of(0, 0, 4, 0, 0, 0, 0, 0, 0), List.of(0, 0, 0), null, null, null);
        InvalidFieldsException e = catchThrowableOfType(
                InvalidFieldsException.class, () -> COMMUNITY_A.call(() -> assessments.record(rid, bad)));
        assertThat(e.problems())
                .extracting(InvalidFieldsException.FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "foodDays", "medicineDays", "mobility", "phq9_3", "gad7", "cognition", "psychoticSymptoms");
        assertThat(COMMUNITY_A.call(() -> assessments.history(rid))).isEmpty();
        assertThat(COMMUNITY_A.call(() -> residents.get(rid)).riskLevel()).isNull();
    }

    @Test
    void aPositiveSelfHarmItemAlertsTheCommunityAndStationAtOnce() {
        Staff admin = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("assessment-test-admin");
        long community = admin.call(() -> accounts.create(new NewAccount(
                        "grid" + System.nanoTime() % 1_000_000 + N.incrementAndGet(),
                        "网格员",
                        null,
                        Set.of(Role.COMMUNITY_STAFF),
                        DataScope.of(List.of(RegionCode.parse(A))))))
                .accountId();
        long station = admin.call(() -> accounts.create(new NewAccount(
                        "station" + System.nanoTime() % 1_000_000 + N.incrementAndGet(),
                        "社工站",
                        null,
                        Set.of(Role.STATION_STAFF),
                        DataScope.of(List.of(RegionCode.parse(A.substring(0, 9)))))))
                .accountId();
        long rid = COMMUNITY_A.call(() -> residents.create(draft("郑国华", A)));
        AssessmentDetails a = COMMUNITY_A.call(() ->
                assessments.record(rid, answers(List.of(0, 1, 0, 0, 0, 0, 0, 0, 1), List.of(0, 0, 0, 0, 0, 0, 0))));
        assertThat(a.selfHarm()).isTrue();
        assertThat(a.riskLevel()).isEqualTo(RiskLevel.HIGH);
        for (long account : List.of(community, station)) {
            assertThat(jdbc.sql("select count(*) from notify_inbox where account_id = ? and message_key = ?"
                                    + " and args[1] = ?")
                            .params(account, "residents.alert.selfHarm", Long.toString(rid))
                            .query(Long.class)
                            .single())
                    .as("account %d", account)
                    .isOne();
        }
        long quiet = COMMUNITY_A.call(() -> residents.create(draft("冯秀兰", A)));
        COMMUNITY_A.run(() ->
                assessments.record(quiet, answers(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0), List.of(0, 0, 0, 0, 0, 0, 0))));
        assertThat(jdbc.sql("select count(*) from notify_inbox where message_key = ? and args[1] = ?")
                        .params("residents.alert.selfHarm", Long.toString(quiet))
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
