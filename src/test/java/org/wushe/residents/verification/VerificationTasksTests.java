package org.wushe.residents.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wushe.residents.verification.VerificationTestData.COMMUNITY_A;
import static org.wushe.residents.verification.VerificationTestData.COMMUNITY_B;
import static org.wushe.residents.verification.VerificationTestData.HEADER;
import static org.wushe.residents.verification.VerificationTestData.HUANGPU;
import static org.wushe.residents.verification.VerificationTestData.idNumber;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.privacy.CryptoService;
import org.wushe.region.Regions;
import org.wushe.residents.VerificationCorrected;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;

/**
 * Working the tasks: community staff see only their community's tasks (façade, pages and API alike), outcomes
 * are validated field by field, DIFFERS on a register match publishes VerificationCorrected, progress drills
 * down district → street → community, reveal and export are audited.
 */
@WusheIntegrationTest
@RecordApplicationEvents
class VerificationTasksTests {

    static final Staff STAFF_A = Staff.as(Role.COMMUNITY_STAFF).in(COMMUNITY_A).named("camp-staff-a");
    static final Staff STAFF_B = Staff.as(Role.COMMUNITY_STAFF).in(COMMUNITY_B).named("camp-staff-b");

    @Autowired
    VerificationCampaigns campaigns;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoService crypto;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    long campaign;
    long residentId;

    @BeforeEach
    void campaignWithTwoCommunities() {
        VerificationTestData.loadCommunities(regions);
        String onRegister = idNumber(4, (int) (System.nanoTime() % 1_000_000));
        residentId = VerificationTestData.registerResident(jdbc, crypto, "台账甲", onRegister, COMMUNITY_A);
        campaign = VerificationTestData.campaignWith(
                campaigns,
                "社区",
                HEADER
                        + "张一," + onRegister + ",13812345678,云南中路1号,低保,,310101002001\n"
                        + "张二," + idNumber(5, (int) (System.nanoTime() % 1_000_000)) + ",,云南中路2号,,,310101002001\n"
                        + "李一," + idNumber(6, (int) (System.nanoTime() % 1_000_000))
                        + ",13912345678,龙泉园路3号,特困,,310101002002\n");
    }

    private List<TaskRow> tasksOf(Staff staff) {
        return staff.call(() -> campaigns.tasks(TaskFilter.of(campaign), 1, 20)).rows();
    }

    @Test
    void communityStaffSeeOnlyTheirCommunitysTasksInListsTaskPagesAndTheApi() throws Exception {
        List<TaskRow> a = tasksOf(STAFF_A);
        List<TaskRow> b = tasksOf(STAFF_B);
        assertThat(a)
                .extracting(TaskRow::communityCode)
                .containsOnly(COMMUNITY_A)
                .hasSize(2);
        assertThat(b)
                .extracting(TaskRow::communityCode)
                .containsOnly(COMMUNITY_B)
                .hasSize(1);
        assertThat(a).extracting(TaskRow::maskedName).containsExactlyInAnyOrder("张*", "张*");
        assertThat(a.get(0).maskedIdNumber()).matches("310\\*{11}\\d{3}[\\dX]");
        long bTask = b.get(0).id();
        assertThatThrownBy(() -> STAFF_A.call(() -> campaigns.task(bTask))).isInstanceOf(TaskNotFoundException.class);
        assertThat(STAFF_A.call(() -> campaigns.get(campaign)).total()).isEqualTo(2);
        assertThat(HUANGPU.call(() -> campaigns.get(campaign)).total()).isEqualTo(3);

        mvc.perform(get("/api/v1/verification-campaigns/tasks")
                        .param("campaign", String.valueOf(campaign))
                        .with(STAFF_A.request()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[*].communityCode").value(Matchers.everyItem(Matchers.is(COMMUNITY_A))));
        mvc.perform(get("/api/v1/verification-campaigns/tasks/" + bTask).with(STAFF_A.request()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/verification/tasks/" + bTask).with(STAFF_A.request())).andExpect(status().isNotFound());
        mvc.perform(get("/verification/tasks/" + a.get(0).id()).with(STAFF_A.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("张*")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("13812345678"))));
        mvc.perform(get("/verification/tasks")
                        .param("campaign", String.valueOf(campaign))
                        .with(STAFF_B.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("李*")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("张*"))));
        mvc.perform(get("/api/v1/verification-campaigns/tasks")
                        .with(Staff.as(Role.VOLUNTEER).in(COMMUNITY_A).request()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/verification-campaigns/tasks")).andExpect(status().isUnauthorized());
    }

    @Test
    void anOutcomeWithInvalidCorrectedValuesIsRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        long task = tasksOf(STAFF_A).get(0).id();
        assertThatThrownBy(() -> STAFF_A.call(() -> campaigns.recordOutcome(
                        task,
                        new OutcomeDraft(
                                "DIFFERS", "1380013800", "路".repeat(201), "FIVE_GUARANTEES", "备".repeat(501), null))))
                .isInstanceOfSatisfying(FieldsRejectedException.class, e -> {
                    assertThat(e.problems()).containsOnlyKeys("phone", "address", "category", "note");
                    assertThat(e.problems().get("category").messageKey())
                            .isEqualTo("residents.campaign.import.category");
                });
        assertThatThrownBy(() -> STAFF_A.call(
                        () -> campaigns.recordOutcome(task, new OutcomeDraft("DIFFERS", "", "", "", "", null))))
                .isInstanceOfSatisfying(
                        FieldsRejectedException.class,
                        e -> assertThat(e.problems().get("phone").messageKey())
                                .isEqualTo("residents.campaign.outcome.correctionRequired"));
        assertThatThrownBy(() -> STAFF_A.call(() ->
                        campaigns.recordOutcome(task, new OutcomeDraft("VERIFIED", "13800138000", "", "", "", null))))
                .isInstanceOfSatisfying(
                        FieldsRejectedException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("phone"));
        assertThatThrownBy(() -> STAFF_A.call(
                        () -> campaigns.recordOutcome(task, new OutcomeDraft("MAYBE", null, null, null, null, null))))
                .isInstanceOfSatisfying(
                        FieldsRejectedException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("outcome"));
        assertThat(STAFF_A.call(() -> campaigns.task(task)).outcome()).isNull();

        mvc.perform(post("/api/v1/verification-campaigns/tasks/" + task + "/outcome")
                        .with(STAFF_A.request())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"DIFFERS\",\"phone\":\"12\",\"category\":\"X\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.phone").exists())
                .andExpect(jsonPath("$.errors.category").value("类别“X”不正确，请按模板下拉选项填写"));
        mvc.perform(post("/verification/tasks/" + task + "/outcome")
                        .with(STAFF_A.request())
                        .with(csrf())
                        .param("outcome", "DIFFERS")
                        .param("phone", "12")
                        .param("address", "新地址"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"phone-error\"")))
                .andExpect(content().string(Matchers.containsString("value=\"新地址\"")));
        assertThat(STAFF_A.call(() -> campaigns.task(task)).outcome()).isNull();
    }

    @Test
    void differsOnAPersonOnTheRegisterPublishesVerificationCorrectedAndProgressCountsIt() {
        TaskRow matched = tasksOf(STAFF_A).stream()
                .filter(TaskRow::onRegister)
                .findFirst()
                .orElseThrow();
        TaskDetails saved = STAFF_A.call(() -> campaigns.recordOutcome(
                matched.id(), new OutcomeDraft("DIFFERS", "13900001111", "云南中路1号2楼", "TEKUN", "电话已换", null)));
        assertThat(saved.outcome()).isEqualTo(VerificationOutcome.DIFFERS);
        assertThat(saved.maskedCorrectedPhone()).isEqualTo("139****1111");
        assertThat(saved.correctedCategory()).isEqualTo(VulnerabilityCategory.TEKUN);
        assertThat(events.stream(VerificationCorrected.class))
                .containsExactly(new VerificationCorrected(matched.id(), campaign, residentId, COMMUNITY_A));
        assertThat(jdbc.sql("select phone_cipher is null from residents_resident where id = ?")
                        .param(residentId)
                        .query(Boolean.class)
                        .single())
                .as("the register itself is not touched")
                .isTrue();

        Progress district = HUANGPU.call(() -> campaigns.progress(campaign, null));
        assertThat(district.total()).isEqualTo(3);
        assertThat(district.done()).isEqualTo(1);
        assertThat(district.rows()).singleElement().satisfies(r -> {
            assertThat(r.regionCode()).isEqualTo("310101002");
            assertThat(r.drillable()).isTrue();
        });
        Progress street = HUANGPU.call(() -> campaigns.progress(campaign, "310101002"));
        assertThat(street.parentCode()).isEqualTo("310101");
        assertThat(street.rows())
                .extracting(ProgressRow::regionCode, ProgressRow::total, ProgressRow::done)
                .containsExactly(Tuple.tuple(COMMUNITY_A, 2L, 1L), Tuple.tuple(COMMUNITY_B, 1L, 0L));
        assertThat(street.rows().get(0).name()).isEqualTo("云南中路居委会");
        Progress asB = STAFF_B.call(() -> campaigns.progress(campaign, "310101002"));
        assertThat(asB.rows()).extracting(ProgressRow::regionCode).containsExactly(COMMUNITY_B);
        assertThat(STAFF_A.call(() -> campaigns.tasks(TaskFilter.of(campaign).onlyDone(), 1, 10))
                        .total())
                .isEqualTo(1);
    }

    @Test
    void revealAndExportAreAuditedAndTheExportIsMaskedAndScoped() throws Exception {
        long task = tasksOf(STAFF_A).stream()
                .filter(t -> t.maskedName().equals("张*"))
                .findFirst()
                .orElseThrow()
                .id();
        String phoneOrEmpty = STAFF_A.call(() -> campaigns.revealPhone(task, "上门核实联系"));
        assertThat(phoneOrEmpty).isIn("13812345678", "");
        assertThat(events.stream(Activity.class)
                        .filter(a ->
                                a.action() == AuditAction.REVEAL && a.entityId().equals(String.valueOf(task))))
                .hasSize(1);
        assertThatThrownBy(() -> STAFF_A.call(() -> campaigns.revealIdNumber(task, " ")))
                .hasMessageContaining("privacy.reveal.reason");

        byte[] xlsx = mvc.perform(get("/api/v1/verification-campaigns/" + campaign + "/export")
                        .with(STAFF_B.request()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("only community B's one task").isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("李*");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("139****5678");
        }
        assertThat(events.stream(Activity.class)
                        .filter(a ->
                                a.action() == AuditAction.EXPORT && a.entityId().equals(String.valueOf(campaign))))
                .hasSize(1);
    }

    @Test
    void campaignsAreCreatedOnlyInScopeAndEveryBadFieldIsReported() throws Exception {
        assertThatThrownBy(
                        () -> HUANGPU.call(() -> campaigns.create(new CampaignDraft("", " ", "310104", "2020-01-01"))))
                .isInstanceOfSatisfying(FieldsRejectedException.class, e -> {
                    assertThat(e.problems()).containsOnlyKeys("name", "source", "regionCode", "deadline");
                    assertThat(e.problems().get("regionCode").messageKey())
                            .isEqualTo("residents.campaign.region.outOfScope");
                });
        mvc.perform(post("/api/v1/verification-campaigns")
                        .with(STAFF_A.request())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        assertThat(STAFF_A.call(() -> campaigns.list()))
                .extracting(Campaign::id)
                .contains(campaign);
        assertThat(Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").call(() -> campaigns.list()))
                .extracting(Campaign::id)
                .doesNotContain(campaign);
        mvc.perform(get("/verification/" + campaign).with(HUANGPU.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("南京东路街道")));
        var imported = HUANGPU.call(() -> campaigns.imports(campaign)).get(0);
        mvc.perform(get("/verification/imports/" + imported.id()).with(HUANGPU.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("新建任务 3 条")));

        // the raw-body upload of the API (what a large list uses), then its status
        String body = mvc.perform(post("/api/v1/verification-campaigns/" + campaign + "/imports")
                        .param("filename", "more.csv")
                        .with(HUANGPU.request())
                        .with(csrf())
                        .contentType("text/csv")
                        .content(HEADER + "周一," + idNumber(4, 999_999) + ",,,,,310101002002\n"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String importId = JsonPath.read(body, "$.id");
        VerificationTestData.await(HUANGPU, campaigns, UUID.fromString(importId));
        mvc.perform(get("/api/v1/verification-campaigns/imports/" + importId).with(HUANGPU.request()))
                .andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.tasksCreated").value(1));
        mvc.perform(get("/api/v1/verification-campaigns/imports/" + importId)
                        .with(Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").request()))
                .andExpect(status().isNotFound());
    }
}
