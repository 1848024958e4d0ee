package org.wushe.residents.checkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.residents.ResidentTestData.A;
import static org.wushe.residents.ResidentTestData.draft;

import java.time.LocalTime;

import org.springframework.http.MediaType;

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
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.register.Residents;

/** The resident's public check-in page and its API (moved out of the register's page tests with the slice). */
@WusheIntegrationTest
class CheckInPagesTests {

    static final Staff STAFF_A = Staff.as(Role.COMMUNITY_STAFF).in(A).named("pages-community-a");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Residents residents;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Regions regions;

    @BeforeEach
    void communities() {
        ResidentTestData.communities(regions);
    }

    @Test
    void theResidentChecksInFromThePublicPageWithoutSigningIn() {
        long r = STAFF_A.call(() -> residents.create(draft("孙老伯", A, VulnerabilityCategory.ELDERLY_ALONE)));
        String token = STAFF_A.call(() -> checkIns.enrol(r, LocalTime.of(10, 0)));
        assertThat(mvc.get().uri("/check-in/" + token)).hasStatusOk().bodyText().contains("我很好", "需要帮助", "孙*伯")
                .doesNotContain("孙老伯");
        assertThat(mvc.post().uri("/check-in/" + token).param("status", "WELL").with(csrf())).hasStatusOk()
                .bodyText().contains("打卡成功");
        assertThat(STAFF_A.call(() -> checkIns.overview(r)).checkIns()).hasSize(1);
        assertThat(mvc.get().uri("/check-in/" + "y".repeat(43))).hasStatusOk().bodyText().contains("已失效");
        assertThat(mvc.post().uri("/api/v1/check-in/" + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"WELL\"}")).hasStatusOk();
        assertThat(mvc.post().uri("/api/v1/check-in/" + "z".repeat(43)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"WELL\"}")).hasStatus(HttpStatus.NOT_FOUND);
    }
}
