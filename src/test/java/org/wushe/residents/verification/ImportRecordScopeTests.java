package org.wushe.residents.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wushe.residents.verification.VerificationTestData.HEADER;
import static org.wushe.residents.verification.VerificationTestData.HUANGPU;
import static org.wushe.residents.verification.VerificationTestData.csv;
import static org.wushe.residents.verification.VerificationTestData.idNumber;
import static org.wushe.residents.verification.VerificationTestData.wrongCheck;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.region.Regions;

/**
 * A campaign's import records (file name, rows read and rejected, tasks created — of the whole file) are shown to
 * whoever ran the import and to callers who see the whole campaign; a station or community worker of another
 * street sees none of them, in the façade, the pages and the API, while still seeing the campaign's progress and
 * tasks of their own scope.
 */
@WusheIntegrationTest
class ImportRecordScopeTests {

    static final Staff NANJING_STATION =
            Staff.as(Role.STATION_STAFF).in("310101002").named("imp-station-nanjing");
    static final Staff OTHER_STATION =
            Staff.as(Role.STATION_STAFF).in("310101013").named("imp-station-other");
    static final Staff OTHER_COMMUNITY =
            Staff.as(Role.COMMUNITY_STAFF).in("310101013001").named("imp-community");

    @Autowired
    VerificationCampaigns campaigns;

    @Autowired
    Regions regions;

    @Autowired
    MockMvcTester mvc;

    long campaign;
    UUID districtImport;
    UUID stationImport;

    @BeforeEach
    void twoImportsIntoADistrictCampaign() {
        VerificationTestData.loadCommunities(regions);
        campaign = HUANGPU.call(() -> campaigns.create(new CampaignDraft(
                VerificationTestData.campaignName("导入范围"),
                "区民政局",
                "310101",
                LocalDate.now().plusDays(7).toString())));
        String district = HEADER + "甲," + idNumber(8, 1) + ",,,,,310101002001\n"
                + "乙," + idNumber(8, 2) + ",,,,,310101013001\n"
                + "丙," + wrongCheck(idNumber(8, 3)) + ",,,,,310101013001\n";
        districtImport = HUANGPU.call(() -> campaigns.startImport(campaign, "黄浦区低保名单.csv", csv(district)));
        assertThat(VerificationTestData.await(HUANGPU, campaigns, districtImport)
                        .rowsRejected())
                .isEqualTo(1);
        String station = HEADER + "丁," + idNumber(8, 4) + ",,,,,310101002002\n" + "戊," + idNumber(8, 5)
                + ",,,,,310101013002\n"; // outside the station's street: rejected
        stationImport = NANJING_STATION.call(() -> campaigns.startImport(campaign, "南京东路补报.csv", csv(station)));
        assertThat(VerificationTestData.await(NANJING_STATION, campaigns, stationImport)
                        .rowsRejected())
                .isEqualTo(1);
    }

    @Test
    void aStationOfAnotherStreetSeesNoneOfTheImports() {
        for (Staff other : new Staff[] {OTHER_STATION, OTHER_COMMUNITY}) {
            assertThat(other.call(() -> campaigns.get(campaign)).total())
                    .as("its own share stays visible")
                    .isEqualTo(1);
            assertThat(other.call(() -> campaigns.imports(campaign)))
                    .as(other.principal().username())
                    .isEmpty();
            for (UUID id : new UUID[] {districtImport, stationImport}) {
                assertThatThrownBy(() -> other.call(() -> campaigns.importStatus(id)))
                        .isInstanceOf(CampaignNotFoundException.class);
            }
        }
        for (UUID id : new UUID[] {districtImport, stationImport}) {
            assertThatThrownBy(() -> OTHER_STATION.call(() -> campaigns.errorWorkbook(id)))
                    .isInstanceOf(CampaignNotFoundException.class);
        }

        assertThat(mvc.get()
                        .uri("/api/v1/verification-campaigns/{id}/imports", campaign)
                        .with(OTHER_STATION.request()))
                .hasStatusOk()
                .bodyJson()
                .isEqualTo("[]");
        for (UUID id : new UUID[] {districtImport, stationImport}) {
            assertThat(mvc.get()
                            .uri("/api/v1/verification-campaigns/imports/{id}", id)
                            .with(OTHER_STATION.request()))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get()
                            .uri("/api/v1/verification-campaigns/imports/{id}/errors", id)
                            .with(OTHER_STATION.request()))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri("/verification/imports/{id}", id).with(OTHER_STATION.request()))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri("/verification/imports/{id}/errors", id).with(OTHER_STATION.request()))
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(mvc.get().uri("/verification/{id}", campaign).with(OTHER_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("黄浦区低保名单.csv", "南京东路补报.csv");
    }

    @Test
    void theImporterSeesTheirOwnAndWhoeverSeesTheWholeCampaignSeesAll() {
        assertThat(NANJING_STATION.call(() -> campaigns.imports(campaign)))
                .extracting(ImportStatus::id)
                .containsExactly(stationImport);
        assertThatThrownBy(() -> NANJING_STATION.call(() -> campaigns.importStatus(districtImport)))
                .isInstanceOf(CampaignNotFoundException.class);
        assertThat(NANJING_STATION.call(() -> campaigns.errorWorkbook(stationImport)))
                .isPresent();
        assertThat(mvc.get().uri("/verification/{id}", campaign).with(NANJING_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains("南京东路补报.csv")
                .doesNotContain("黄浦区低保名单.csv");

        assertThat(HUANGPU.call(() -> campaigns.imports(campaign)))
                .extracting(ImportStatus::id)
                .containsExactly(stationImport, districtImport);
        assertThat(HUANGPU.call(() -> campaigns.importStatus(stationImport)).filename())
                .isEqualTo("南京东路补报.csv");
        assertThat(HUANGPU.call(() -> campaigns.errorWorkbook(districtImport))).isPresent();
        assertThat(HUANGPU.call(() -> campaigns.errorWorkbook(stationImport)))
                .as("only the importer's")
                .isEmpty();
        // so the district sees the station's import but is offered no error download it would be refused
        assertThat(HUANGPU.call(() -> campaigns.imports(campaign)))
                .extracting(ImportStatus::hasErrorWorkbook)
                .containsExactly(false, true);
        assertThat(HUANGPU.call(() -> campaigns.importStatus(stationImport)).hasErrorWorkbook())
                .isFalse();
        assertThat(NANJING_STATION
                        .call(() -> campaigns.importStatus(stationImport))
                        .hasErrorWorkbook())
                .isTrue();
        assertThat(mvc.get().uri("/verification/{id}", campaign).with(HUANGPU.request()))
                .hasStatusOk()
                .bodyText()
                .contains("/verification/imports/" + districtImport + "/errors")
                .doesNotContain("/verification/imports/" + stationImport + "/errors");
        assertThat(mvc.get()
                        .uri("/api/v1/verification-campaigns/{id}/imports", campaign)
                        .with(HUANGPU.request()))
                .hasStatusOk()
                .bodyText()
                .contains("黄浦区低保名单.csv", "南京东路补报.csv");
    }
}
