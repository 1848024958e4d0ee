package org.wushe.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** Control levels: own decisions, inheritance from ancestors, history, and bad input. Uses 闵行区 only. */
@WusheIntegrationTest
class ControlLevelTests {

    static final RegionCode MINHANG = RegionCode.parse("310112");
    static final RegionCode STREET = RegionCode.parse("310112001");
    static final Staff ADMIN = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310112");

    @Autowired
    Regions regions;

    @Autowired
    MockMvcTester mvc;

    @Test
    void aDistrictDecisionAppliesBelowUntilAMoreRecentLocalOne() {
        Instant now = Instant.now();
        ADMIN.run(() -> regions.setControlLevel(MINHANG, ControlLevel.CONTROL, now.minus(Duration.ofDays(10)), "区级管控"));
        assertThat(regions.controlLevel(STREET).level()).isEqualTo(ControlLevel.CONTROL);
        assertThat(regions.controlLevel(STREET).inheritedFrom()).contains(MINHANG);

        ADMIN.run(
                () -> regions.setControlLevel(STREET, ControlLevel.LOCKDOWN, now.minus(Duration.ofDays(5)), "发现阳性病例"));
        var street = regions.controlLevel(STREET);
        assertThat(street.level()).isEqualTo(ControlLevel.LOCKDOWN);
        assertThat(street.inheritedFrom()).isEmpty();
        assertThat(regions.controlLevel(MINHANG).level()).isEqualTo(ControlLevel.CONTROL);

        // A decision that takes effect later is in the history but not yet in force.
        ADMIN.run(() -> regions.setControlLevel(STREET, ControlLevel.PREVENTION, now.plus(Duration.ofDays(3)), "解封计划"));
        assertThat(regions.controlLevel(STREET).level()).isEqualTo(ControlLevel.LOCKDOWN);
        assertThat(regions.controlLevel(STREET).history())
                .extracting(ControlLevelRecord::level)
                .containsExactly(ControlLevel.PREVENTION, ControlLevel.LOCKDOWN);

        // The district lifting everything later overrides the street's older lockdown.
        ADMIN.run(() -> regions.setControlLevel(MINHANG, ControlLevel.NONE, now.minus(Duration.ofDays(1)), "全区解除"));
        assertThat(regions.controlLevel(STREET).level()).isEqualTo(ControlLevel.NONE);
        assertThat(regions.controlLevel(STREET).current()).isEmpty();
    }

    @Test
    void theApiRecordsAndShowsDecisions() {
        assertThat(mvc.post()
                        .uri("/api/v1/regions/310112006/control-levels")
                        .contentType("application/json")
                        .with(csrf())
                        .with(ADMIN.request())
                        .content("""
                        {"level":"lockdown","effectiveFrom":"2022-04-01T00:00:00+08:00","reason":"全域静态管理"}"""))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"regionCode":"310112006","level":"LOCKDOWN","effectiveFrom":"2022-03-31T16:00:00Z"}""");
        assertThat(mvc.get().uri("/api/v1/regions/310112006/control-level"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.history[0].reason")
                .isEqualTo("全域静态管理");
    }

    @Test
    void badDecisionsAreRefusedAndRecordNothing() {
        RegionCode street = RegionCode.parse("310112008");
        assertThatThrownBy(() -> ADMIN.run(() -> regions.setControlLevel(street, ControlLevel.LOCKDOWN, null, " ")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("region.controlLevel.reason");
        assertThat(mvc.post()
                        .uri("/api/v1/regions/310112008/control-levels")
                        .contentType("application/json")
                        .with(csrf())
                        .with(ADMIN.request())
                        .content("{\"level\":\"CLOSED\",\"reason\":\"x\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("region.controlLevel.level");
        assertThat(mvc.post()
                        .uri("/api/v1/regions/310112008/control-levels")
                        .contentType("application/json")
                        .with(csrf())
                        .with(ADMIN.request())
                        .content("{\"level\":"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("error.body.unreadable");
        assertThat(mvc.post()
                        .uri("/api/v1/regions/310112998/control-levels")
                        .contentType("application/json")
                        .with(csrf())
                        .with(ADMIN.request())
                        .content("{\"level\":\"LOCKDOWN\",\"reason\":\"x\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(regions.controlLevel(street).history()).isEmpty();
    }

    @Test
    void onlyAdminsInScopeMayDecide() {
        assertThat(mvc.post()
                        .uri("/api/v1/regions/310112009/control-levels")
                        .contentType("application/json")
                        .content("{\"level\":\"LOCKDOWN\",\"reason\":\"x\"}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri("/api/v1/regions/310112009/control-levels")
                        .contentType("application/json")
                        .with(csrf())
                        .with(Staff.as(Role.STATION_STAFF).in("310112").request())
                        .content("{\"level\":\"LOCKDOWN\",\"reason\":\"x\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/regions/310112009/control-levels")
                        .contentType("application/json")
                        .with(csrf())
                        .with(Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310101").request())
                        .content("{\"level\":\"LOCKDOWN\",\"reason\":\"x\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(regions.controlLevel(RegionCode.parse("310112009")).history())
                .isEmpty();
    }
}
