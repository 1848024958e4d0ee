package org.wushe.residents.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.residents.ResidentTestData.A;
import static org.wushe.residents.ResidentTestData.B;
import static org.wushe.residents.ResidentTestData.draft;
import static org.wushe.residents.ResidentTestData.idNumber;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.region.Regions;
import org.wushe.residents.ResidentTestData;
import org.wushe.residents.VulnerabilityCategory;

/** The register's pages and API as staff use them, and that community A never sees community B's residents. */
@WusheIntegrationTest
class ResidentPagesTests {

    static final Staff STAFF_A = Staff.as(Role.COMMUNITY_STAFF).in(A).named("pages-community-a");
    static final Staff STAFF_B = Staff.as(Role.COMMUNITY_STAFF).in(B).named("pages-community-b");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Residents residents;

    @Autowired
    Regions regions;

    @BeforeEach
    void communities() {
        ResidentTestData.communities(regions);
    }

    @Test
    void staffOfCommunityANeverSeeCommunityBsResidents() {
        String m = "甲乙" + System.nanoTime() % 100000;
        String idB = idNumber();
        long a = STAFF_A.call(() -> residents.create(draft("张" + m, A, VulnerabilityCategory.DIBAO)));
        long b = STAFF_B.call(() -> residents.create(draft("李" + m, idB, B, VulnerabilityCategory.DIBAO)));

        assertThat(mvc.get().uri("/residents").param("name", m).with(STAFF_A.request()))
                .hasStatusOk()
                .bodyText()
                .contains("张" + m, "共 1 条")
                .doesNotContain("李" + m);
        assertThat(mvc.get().uri("/residents/" + b).with(STAFF_A.request())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/residents/" + b + "/assessments").with(STAFF_A.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/residents/" + b + "/visits").with(STAFF_A.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/residents").param("name", m).with(STAFF_A.request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/residents/" + b).with(STAFF_A.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/residents/" + a).with(STAFF_B.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/api/v1/residents/" + b + "/reveal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"field\":\"ID_NUMBER\",\"reason\":\"核实\"}")
                        .with(STAFF_A.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/residents/visits/overdue").with(STAFF_A.request()))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("李" + m);
        // and a duplicate of B's ID number entered by A does not reveal where it lives
        assertThat(mvc.post()
                        .uri("/api/v1/residents")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"王" + m + "\",\"idNumber\":\"" + idB + "\",\"communityCode\":\"" + A
                                + "\",\"lawfulBasis\":\"STATUTORY_DUTY\"}")
                        .with(STAFF_A.request()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("该身份证号已在台账中登记")
                // B's record id as a number of its own (a bare "4" also matched the status 400 on a fresh database)
                .doesNotContainPattern("(?<!\\d)" + b + "(?!\\d)")
                .doesNotContain(B);
    }

    @Test
    void theDetailShowsMaskedValuesAndRevealsForAReason() {
        String id = idNumber();
        long r = STAFF_A.call(() -> residents.create(draft("王秀兰", id, A, VulnerabilityCategory.ELDERLY_ALONE)));
        String masked = id.substring(0, 3) + "***********" + id.substring(14);
        assertThat(mvc.get().uri("/residents/" + r).with(STAFF_A.request()))
                .hasStatusOk()
                .bodyText()
                .contains("王秀兰", masked, "独居老人", "履行法定职责")
                .doesNotContain(id);
        assertThat(mvc.post()
                        .uri("/residents/" + r + "/reveal/ID_NUMBER")
                        .param("reason", "核实身份")
                        .with(STAFF_A.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains(id);
        for (String part : List.of("assessments", "visits", "check-in", "cases", "edit")) {
            assertThat(mvc.get().uri("/residents/" + r + "/" + part).with(STAFF_A.request()))
                    .as(part)
                    .hasStatusOk();
        }
        assertThat(mvc.get().uri("/residents/new").with(STAFF_A.request())).hasStatusOk();
        assertThat(mvc.get().uri("/residents/visits/overdue").with(STAFF_A.request()))
                .hasStatusOk()
                .bodyText()
                .contains("逾期未走访");
        assertThat(mvc.get().uri("/residents/cases").with(STAFF_A.request())).hasStatusOk();
        assertThat(mvc.get()
                        .uri("/residents")
                        .with(Staff.as(Role.VOLUNTEER).in(A).request()))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theFormShowsEachErrorUnderItsFieldAndKeepsTheInput() {
        String id = idNumber();
        STAFF_A.call(() -> residents.create(draft("陈一", id, A)));
        var result = mvc.post()
                .uri("/residents")
                .with(STAFF_A.request())
                .with(csrf())
                .param("name", "陈二")
                .param("idNumber", id)
                .param("phone", "123")
                .param("communityCode", A)
                .param("lawfulBasis", "CONSENT")
                .param("categories", "PREGNANT");
        assertThat(result)
                .hasStatusOk()
                .bodyText()
                .contains(
                        "id=\"error-idNumber\"",
                        "该身份证号已登记",
                        "id=\"error-phone\"",
                        "id=\"error-consentAt\"",
                        "id=\"error-dueDate\"",
                        "陈二",
                        "id=\"resident-existing\"");
        assertThat(STAFF_A.call(() -> residents.list(ResidentFilter.none().named("陈二"), 1, 20))
                        .total())
                .isZero();
        assertThat(mvc.post()
                        .uri("/api/v1/residents")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"idNumber\":\"1\",\"communityCode\":\"" + A + "\"}")
                        .with(STAFF_A.request()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors")
                .asMap()
                .containsKeys("name", "idNumber", "lawfulBasis");
    }
}
