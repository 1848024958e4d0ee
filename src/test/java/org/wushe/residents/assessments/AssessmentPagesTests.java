package org.wushe.residents.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.residents.ResidentTestData.A;
import static org.wushe.residents.ResidentTestData.draft;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.region.Regions;
import org.wushe.residents.ResidentTestData;
import org.wushe.residents.RiskLevel;
import org.wushe.residents.register.Residents;

/** The assessment pages as staff use them (moved out of the register's page tests with the slice). */
@WusheIntegrationTest
class AssessmentPagesTests {

    static final Staff STAFF_A = Staff.as(Role.COMMUNITY_STAFF).in(A).named("pages-community-a");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Residents residents;

    @Autowired
    Assessments assessments;

    @Autowired
    Regions regions;

    @BeforeEach
    void communities() {
        ResidentTestData.communities(regions);
    }

    @Test
    void anAssessmentIsEnteredOnThePageAndPhq9Of20ShowsHighRisk() {
        long r = STAFF_A.call(() -> residents.create(draft("赵玉兰", A)));
        var post = mvc.post()
                .uri("/residents/" + r + "/assessments")
                .with(STAFF_A.request())
                .with(csrf())
                .param("foodDays", "10")
                .param("medicineDays", "20")
                .param("mobility", "INDEPENDENT")
                .param("cognition", "NORMAL");
        int[] phq = {3, 3, 3, 3, 3, 3, 2, 0, 0};
        for (int i = 0; i < 9; i++) {
            post = post.param("phq9[" + i + "]", Integer.toString(phq[i]));
        }
        for (int i = 0; i < 7; i++) {
            post = post.param("gad7[" + i + "]", "0");
        }
        assertThat(post).hasStatus(HttpStatus.FOUND);
        assertThat(STAFF_A.call(() -> residents.get(r)).riskLevel()).isEqualTo(RiskLevel.HIGH);
        long aid = STAFF_A.call(() -> assessments.history(r)).get(0).id();
        assertThat(mvc.get().uri("/residents/" + r + "/assessments/" + aid).with(STAFF_A.request()))
                .hasStatusOk()
                .bodyText()
                .contains("高风险", "PHQ-9 ≥ 20");
        var missing = mvc.post()
                .uri("/residents/" + r + "/assessments")
                .with(STAFF_A.request())
                .with(csrf())
                .param("foodDays", "10")
                .param("mobility", "INDEPENDENT")
                .param("cognition", "NORMAL")
                .param("phq9[0]", "1");
        assertThat(missing).hasStatusOk().bodyText().contains("id=\"error-phq9_2\"", "id=\"error-gad7_1\"");
    }
}
