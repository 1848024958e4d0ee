package org.wushe.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.requests.RequestTestData.address;
import static org.wushe.requests.RequestTestData.from;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.organisations.OrganisationDraft;
import org.wushe.directory.organisations.Organisations;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Intake;

/**
 * Issue 15 item 11: the resident's status page names the station covering the request's place with its public
 * phone as a link to dial, and says nothing where no covering station publishes one.
 */
@WusheIntegrationTest
class StationPhoneOnStatusPageTests {

    /**
     * 华阳路街道 of 长宁区: its station publishes a number here. Streets outside 黄浦区 and 徐汇区, because the demo
     * city (seeded into the same database by the browser tests) gives every station there a public phone.
     */
    static final String PHONE_STREET = "310105001";
    /** 江苏路街道 of 长宁区: no test and no demo station gives a station there a public phone. */
    static final String SILENT_STREET = "310105002";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    HelpRequests requests;

    @Autowired
    Organisations organisations;

    @Test
    void theStatusPageShowsTheCoveringStationsPhoneAsALinkToDial() {
        String name = "华阳路街道社工站" + UUID.randomUUID().toString().substring(0, 6);
        RequestFixtures.ADMIN.call(() -> organisations.create(new OrganisationDraft(
                "STATION",
                name,
                null,
                PHONE_STREET,
                "华阳路1号",
                null,
                null,
                "021-64680099",
                null,
                List.of(PHONE_STREET))));
        String code = call(PHONE_STREET);

        assertThat(mvc.get().uri("/help/status/" + code).with(from(address())))
                .hasStatusOk()
                .bodyText()
                .contains("如有疑问请拨打", "id=\"station-phone\"", "href=\"tel:02164680099\"", "021-64680099");
        assertThat(mvc.get().uri("/api/v1/public/help-requests/" + code).with(from(address())))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.station.phone")
                .isEqualTo("021-64680099");
    }

    @Test
    void noPhoneKnownMeansNothingIsSaid() {
        String code = call(SILENT_STREET);

        assertThat(mvc.get().uri("/help/status/" + code).with(from(address())))
                .hasStatusOk()
                .bodyText()
                .contains("求助进度")
                .doesNotContain("如有疑问请拨打", "station-phone", "tel:");
    }

    private String call(String street) {
        Staff staff = Staff.as(Role.STATION_STAFF).in(street).named("station-phone-" + street);
        return staff.call(() -> requests.record(
                        new Intake(
                                "CHRONIC_MEDICINE",
                                "家中老人常用药快吃完了",
                                "SELF",
                                street,
                                "某路1号",
                                RequestTestData.phone(),
                                null,
                                "NORMAL",
                                Map.of(),
                                UUID.randomUUID().toString()),
                        Channel.HOTLINE))
                .trackingCode();
    }
}
