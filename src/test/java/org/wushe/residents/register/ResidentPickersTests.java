package org.wushe.residents.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.residents.ResidentTestData.A;
import static org.wushe.residents.ResidentTestData.B;
import static org.wushe.residents.ResidentTestData.draft;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.region.Regions;
import org.wushe.residents.ResidentTestData;
import org.wushe.shared.RegionCode;

/**
 * The register's pickers (issue 15 item 4): grid workers, case workers and supervisors are accounts found by name
 * in scope; households and duplicate records are found by name with masked names; a station account never finds
 * what belongs to another street; a name that names nobody is said under its field, the rest of the form kept.
 */
@WusheIntegrationTest
class ResidentPickersTests {

    static final Staff ADMIN = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("pickers-test-admin");
    /** 天平路街道 (community A's street) and 南京东路街道 (community B's). */
    static final Staff STATION_A =
            Staff.as(Role.STATION_STAFF).in(A.substring(0, 9)).named("pickers-station-a");

    static final Staff STATION_B =
            Staff.as(Role.STATION_STAFF).in(B.substring(0, 9)).named("pickers-station-b");
    static final AtomicInteger N = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Residents residents;

    @Autowired
    Accounts accounts;

    @Autowired
    Regions regions;

    @BeforeEach
    void communities() {
        ResidentTestData.communities(regions);
    }

    static String marker() {
        return "选" + (char) ('甲' + System.nanoTime() % 200) + (char) ('乙' + N.incrementAndGet() % 200);
    }

    long account(Role role, String region, String displayName) {
        String username = "pick" + System.nanoTime() % 100_000_000 + N.incrementAndGet();
        return ADMIN.call(() -> accounts.create(new NewAccount(
                        username, displayName, null, Set.of(role), DataScope.of(List.of(RegionCode.parse(region))))))
                .accountId();
    }

    @Test
    void theGridWorkerPickerFindsStaffCoveringTheCommunityInScopeOnly() throws Exception {
        String m = marker();
        long inA = account(Role.COMMUNITY_STAFF, A, "网格员" + m + "甲");
        long inB = account(Role.COMMUNITY_STAFF, B, "网格员" + m + "乙");
        long volunteer = account(Role.VOLUNTEER, A, "网格员" + m + "丙");

        var answer = mvc.get()
                .uri("/residents/pickers/grid-workers")
                .param("q", m)
                .param("communityCode", A)
                .with(STATION_A.request())
                .exchange();
        assertThat(answer).hasStatusOk();
        assertThat(answer.getResponse().getContentAsString())
                .contains("data-picker-id=\"" + inA + "\"", "网格员" + m + "甲", "上海新村居委会")
                .doesNotContain("data-picker-id=\"" + inB + "\"")
                .doesNotContain("data-picker-id=\"" + volunteer + "\"");
        // a community of another street does not widen the search: the station still finds only its own street's
        assertThat(mvc.get()
                        .uri("/residents/pickers/grid-workers")
                        .param("q", m)
                        .param("communityCode", B)
                        .with(STATION_A.request()))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("网格员" + m + "乙");
        assertThat(mvc.get()
                        .uri("/residents/pickers/grid-workers")
                        .param("q", m)
                        .with(STATION_B.request()))
                .hasStatusOk()
                .bodyText()
                .contains("网格员" + m + "乙")
                .doesNotContain("网格员" + m + "甲");
    }

    @Test
    void theResidentFormTakesAGridWorkerByNameAndSaysAnUnknownNameUnderTheField() {
        String m = marker();
        long worker = account(Role.COMMUNITY_STAFF, A, "网格员" + m);
        long rid = STATION_A.call(() -> residents.create(draft("钱" + m, A)));

        // without script the name itself is submitted: an unknown one comes back under its field, the rest kept
        assertThat(mvc.post()
                        .uri("/residents/" + rid)
                        .param("name", "钱" + m)
                        .param("communityCode", A)
                        .param("lawfulBasis", "STATUTORY_DUTY")
                        .param("residenceAddress", "天平路 1 号")
                        .param("gridWorkerAccountId", "没有这个人" + m)
                        .with(STATION_A.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("没有名为“没有这个人" + m + "”且可担任此职的工作人员", "天平路 1 号");
        assertThat(STATION_A.call(() -> residents.get(rid)).gridWorkerAccountId())
                .isNull();

        // the exact name of one worker covering the community is taken
        assertThat(mvc.post()
                        .uri("/residents/" + rid)
                        .param("name", "钱" + m)
                        .param("communityCode", A)
                        .param("lawfulBasis", "STATUTORY_DUTY")
                        .param("gridWorkerAccountId", "网格员" + m)
                        .with(STATION_A.request())
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(STATION_A.call(() -> residents.get(rid)).gridWorkerAccountId())
                .isEqualTo(worker);
        // and the edit form shows the name, not the number
        assertThat(mvc.get().uri("/residents/" + rid + "/edit").with(STATION_A.request()))
                .hasStatusOk()
                .bodyText()
                .contains("网格员" + m);
    }

    @Test
    void theCaseFormPicksWorkerAndSupervisorByNameAndKeepsTheFormOnAnUnknownName() throws Exception {
        String m = marker();
        long worker = account(Role.SOCIAL_WORKER, "310104", "社工" + m);
        long otherStreet = account(Role.SOCIAL_WORKER, "310101", "社工" + m + "黄浦");
        long rid = STATION_A.call(() -> residents.create(draft("孙" + m, A)));

        var options = mvc.get()
                .uri("/residents/" + rid + "/cases/pickers/workers")
                .param("q", m)
                .with(STATION_A.request())
                .exchange();
        assertThat(options).hasStatusOk();
        assertThat(options.getResponse().getContentAsString())
                .contains("data-picker-id=\"" + worker + "\"")
                .doesNotContain("data-picker-id=\"" + otherStreet + "\"");

        assertThat(mvc.post()
                        .uri("/residents/" + rid + "/cases")
                        .param("title", "独居关怀" + m)
                        .param("worker", "不存在" + m)
                        .with(STATION_A.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("没有名为“不存在" + m + "”且可担任此职的工作人员", "独居关怀" + m);

        assertThat(mvc.post()
                        .uri("/residents/" + rid + "/cases")
                        .param("title", "独居关怀" + m)
                        .param("worker", "社工" + m)
                        .with(STATION_A.request())
                        .with(csrf()))
                .hasStatus3xxRedirection();
    }

    @Test
    void householdAndDuplicatePickersShowMaskedNamesOfTheCallersScopeOnly() throws Exception {
        String m = marker();
        long head = STATION_A.call(() -> residents.create(draft("周" + m + "英", A)));
        long household = STATION_A.call(() -> residents.createHousehold(head, "天平路" + m + "弄 3 号"));
        long member = STATION_A.call(() -> residents.create(draft("周" + m + "明", A)));
        long duplicate = STATION_A.call(() -> residents.create(draft("周" + m + "明", A)));
        long elsewhere = STATION_B.call(() -> residents.create(draft("周" + m + "明", B)));

        var households = mvc.get()
                .uri("/residents/" + member + "/pickers/households")
                .param("q", "天平路" + m)
                .with(STATION_A.request())
                .exchange();
        assertThat(households).hasStatusOk();
        assertThat(households.getResponse().getContentAsString())
                .contains("data-picker-id=\"" + household + "\"")
                .doesNotContain("周" + m + "英");

        var duplicates = mvc.get()
                .uri("/residents/" + member + "/pickers/duplicates")
                .param("q", m)
                .with(STATION_A.request())
                .exchange();
        assertThat(duplicates).hasStatusOk();
        assertThat(duplicates.getResponse().getContentAsString())
                .contains("data-picker-id=\"" + duplicate + "\"", "data-picker-id=\"" + head + "\"")
                .doesNotContain("data-picker-id=\"" + member + "\"")
                .doesNotContain("data-picker-id=\"" + elsewhere + "\"")
                .doesNotContain("周" + m + "明")
                .contains("***");

        // the exact name of two records is ambiguous: said under the field, the reason kept, nothing merged
        assertThat(mvc.post()
                        .uri("/residents/" + head + "/merge")
                        .param("duplicate", "周" + m + "明")
                        .param("reason", "重复登记" + m)
                        .with(STATION_A.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("有不止一条名为“周" + m + "明”的居民记录", "重复登记" + m);
        // a household typed by its address without script is found in the resident's community
        assertThat(mvc.post()
                        .uri("/residents/" + member + "/household")
                        .param("household", "天平路" + m + "弄 3 号")
                        .param("relation", "子女")
                        .with(STATION_A.request())
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(STATION_A.call(() -> residents.get(member)).householdId()).isEqualTo(household);
        assertThat(mvc.post()
                        .uri("/residents/" + duplicate + "/household")
                        .param("household", "没有这户" + m)
                        .with(STATION_A.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("本社区没有地址或成员姓名为“没有这户" + m + "”的家庭");
    }
}
