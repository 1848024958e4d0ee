package org.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.audit.AuditTestData.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.IssuedPassword;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.RegionCode;

/** The auditor's page: filters in the URL, the htmx fragment, pagination, empty state, refusals. */
@WusheIntegrationTest
class AuditPageTests {

    private static final Instant T0 = Instant.parse("2026-11-29T00:30:05Z"); // 08:30:05 in Shanghai

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTestData data;

    @Autowired
    Accounts accounts;

    String actor = AuditTestData.uniqueActor();

    @Test
    void thePageShowsTheFilteredRowsInChineseAndKeepsTheFiltersInItsLinks() {
        data.record(List.of(
                activity(actor, AuditAction.REVEAL, "310101", T0),
                activity(actor, AuditAction.CREATE, "310101", T0.plusSeconds(5))));

        assertThat(mvc.get()
                        .uri("/audit")
                        .param("actor", actor)
                        .param("action", "REVEAL")
                        .param("from", "2026-11-29T08:30")
                        .with(Staff.as(Role.AUDITOR).in("310101").request()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "lang=\"zh-CN\"",
                        "审计日志",
                        "搜索",
                        "重置",
                        "导出",
                        "共 1 条",
                        "显示明文",
                        "2026-11-29 08:30:05",
                        "核实身份",
                        "10.0.0.7",
                        "310101",
                        "phone",
                        "每页条数",
                        "跳至",
                        ">编号</th>")
                .contains("value=\"" + actor + "\"", "value=\"2026-11-29T08:30\"", "<option value=\"REVEAL\" selected")
                .contains("/audit/export?actor=" + actor + "&amp;action=REVEAL&amp;from=2026-11-29T08:30")
                .contains("href=\"/audit\"")
                .doesNotContain("新增</span>", "??");
    }

    @Test
    void theRegionFilterKeepsItsSubtreeAndRowsNameTheirRecordFieldsAndRegion() {
        data.record(List.of(
                activity(actor, AuditAction.REVEAL, "310104", T0),
                activity(actor, AuditAction.REVEAL, "310101", T0.plusSeconds(1)),
                new Activity(
                        T0.plusSeconds(2),
                        actor,
                        AuditAction.UPDATE,
                        "resident",
                        "9",
                        RegionCode.parse("310104003"),
                        null,
                        null,
                        List.of("checkInEnrolment", "riskLevel:HIGH"))));
        var auditor = Staff.as(Role.AUDITOR).wholeCountry().request();
        assertThat(mvc.get()
                        .uri("/audit")
                        .param("region", "310104")
                        .param("actor", actor)
                        .with(auditor))
                .hasStatusOk()
                .bodyText()
                .contains("共 2 条", "居民", "title=\"resident\"", "电话", "title=\"310104\"", "开通每日报平安", "风险等级：高风险")
                .doesNotContain("title=\"310101\"", ">310104<", ">resident<", ">checkInEnrolment<")
                .containsPattern("value=\"310104\"[^>]*selected");
    }

    @Test
    void theVerificationPageSaysWhatWasFound() {
        data.record(List.of(activity(actor, AuditAction.CREATE, "310101", T0)));
        assertThat(mvc.get()
                        .uri("/audit")
                        .with(Staff.as(Role.AUDITOR).wholeCountry().request()))
                .hasStatusOk()
                .bodyText()
                .contains("href=\"/audit/verification\"", "校验审计链");
        assertThat(mvc.get()
                        .uri("/audit/verification")
                        .with(Staff.as(Role.AUDITOR).wholeCountry().request()))
                .hasStatusOk()
                .bodyText()
                .contains("审计链完整", "alert-success", "已校验记录", "已比对锚点", "自此编号起带密钥")
                .containsPattern(
                        "id=\"audit-last\"><span>[0-9]+</span>\\s*<span[^>]*>20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}</span>")
                .doesNotContain("??");
        assertThat(mvc.get()
                        .uri("/audit/verification")
                        .with(Staff.as(Role.STATION_STAFF).in("310101").request()))
                .hasStatus(403);
    }

    @Test
    void htmxGetsOnlyTheResults() {
        data.record(List.of(activity(actor, AuditAction.CREATE, "310101", T0)));
        assertThat(mvc.get()
                        .uri("/audit")
                        .param("actor", actor)
                        .header("HX-Request", "true")
                        .header("HX-Target", "audit-results")
                        .with(Staff.as(Role.AUDITOR).wholeCountry().request()))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"audit-results\"", "共 1 条", actor)
                .doesNotContain("<html", "id=\"audit-filter\"");
    }

    @Test
    void pagesCarryTheTotalSizesAndFilters() {
        List<Activity> many = new ArrayList<>();
        IntStream.range(0, 25).forEach(i -> many.add(activity(actor, AuditAction.UPDATE, "310101", T0.plusSeconds(i))));
        data.record(many);

        var third = mvc.get()
                .uri("/audit")
                .param("actor", actor)
                .param("size", "10")
                .param("page", "3")
                .with(Staff.as(Role.AUDITOR).wholeCountry().request())
                .exchange();
        assertThat(third)
                .hasStatusOk()
                .bodyText()
                .contains("共 25 条", "页，共 3 页", "<option value=\"50\">50</option>", "<option value=\"10\" selected")
                .contains("/audit?actor=" + actor + "&amp;page=2&amp;size=10")
                .contains("2026-11-29 08:30:09", "2026-11-29 08:30:05")
                .doesNotContain("2026-11-29 08:30:10");
    }

    @Test
    void noMatchSaysWhatToDoNext() {
        assertThat(mvc.get()
                        .uri("/audit")
                        .param("actor", actor)
                        .with(Staff.as(Role.AUDITOR).wholeCountry().request()))
                .hasStatusOk()
                .bodyText()
                .contains("共 0 条", "没有符合条件的审计记录", "重置");
    }

    @Test
    void theNavigationShowsTheAuditPageOnlyToAuditors() {
        assertThat(mvc.get()
                        .uri("/audit")
                        .with(Staff.as(Role.AUDITOR).wholeCountry().request()))
                .bodyText()
                .contains("href=\"/audit\"", "审计日志");
    }

    @Test
    void aStaffActorIsShownByNameWithTheUsernameOnHover() {
        IssuedPassword account = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .in("310101")
                .call(() -> accounts.create(new NewAccount(
                        actor,
                        "审计测试员",
                        null,
                        Set.of(Role.STATION_STAFF),
                        DataScope.of(List.of(RegionCode.parse("310101"))))));
        data.record(List.of(activity(account.username(), AuditAction.REVEAL, "310101", T0)));

        assertThat(mvc.get()
                        .uri("/audit")
                        .param("actor", account.username())
                        .with(Staff.as(Role.AUDITOR).in("310101").request()))
                .hasStatusOk()
                .bodyText()
                .contains("<td class=\"audit-actor\" title=\"" + account.username() + "\">审计测试员</td>");
    }

    @Test
    void reasonsWrittenByCodeAreShownInTheReadersLanguageAndAPersonsReasonAsTyped() {
        data.record(List.of(
                new Activity(
                        T0,
                        actor,
                        AuditAction.PASSWORD_CHANGE,
                        "account",
                        "1",
                        RegionCode.parse("310101"),
                        null,
                        "reset",
                        List.of("password")),
                new Activity(
                        T0.plusSeconds(1),
                        actor,
                        AuditAction.UPDATE,
                        "api_client",
                        "2",
                        RegionCode.parse("310101"),
                        null,
                        "rotate",
                        List.of("token")),
                new Activity(
                        T0.plusSeconds(2),
                        actor,
                        AuditAction.REVEAL,
                        "resident",
                        "3",
                        RegionCode.parse("310101"),
                        null,
                        "核实身份",
                        List.of("phone"))));
        var auditor = Staff.as(Role.AUDITOR).in("310101");

        assertThat(mvc.get().uri("/audit").param("actor", actor).with(auditor.request()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "<td class=\"audit-reason\" title=\"reset\">管理员重置密码</td>",
                        "<td class=\"audit-reason\" title=\"rotate\">更换访问令牌</td>",
                        "<td class=\"audit-reason\">核实身份</td>");
        assertThat(mvc.get()
                        .uri("/audit")
                        .param("actor", actor)
                        .param("lang", "en")
                        .with(auditor.request()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "<td class=\"audit-reason\" title=\"reset\">password reset by an administrator</td>",
                        "<td class=\"audit-reason\" title=\"rotate\">token rotated</td>",
                        "<td class=\"audit-reason\">核实身份</td>");
    }

    @Test
    void englishToo() {
        assertThat(mvc.get()
                        .uri("/audit")
                        .param("lang", "en")
                        .with(Staff.as(Role.AUDITOR).wholeCountry().request()))
                .hasStatusOk()
                .bodyText()
                .contains("Audit trail", "Search", "Reset", "Export", "Per page");
    }

    @Test
    void othersAreRefused() {
        assertThat(mvc.get()
                        .uri("/audit")
                        .with(Staff.as(Role.STATION_STAFF).in("310101").request()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/audit/export")
                        .with(Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().request()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/audit")).hasStatus3xxRedirection();
    }

    @Test
    void badFiltersAreSaidUnderTheirFieldsAndTheRestOfTheFilterStays() {
        var auditor = Staff.as(Role.AUDITOR).wholeCountry().request();
        assertThat(mvc.get()
                        .uri("/audit")
                        .param("from", "yesterday")
                        .param("actor", "wang")
                        .accept(MediaType.TEXT_HTML)
                        .with(auditor))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"audit-from-error\"", "时间格式不正确", "value=\"wang\"")
                .doesNotContain("请求有误");
        assertThat(mvc.get()
                        .uri("/audit")
                        .param("action", "HACK")
                        .accept(MediaType.TEXT_HTML)
                        .with(auditor))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"audit-action-error\"", "操作类型不正确");
        assertThat(mvc.get()
                        .uri("/audit")
                        .param("size", "15")
                        .accept(MediaType.TEXT_HTML)
                        .with(auditor))
                .hasStatusOk()
                .bodyText()
                .contains("每页条数只能是 10、20、50 或 100");
        assertThat(mvc.get()
                        .uri("/audit")
                        .param("region", "黄浦区")
                        .param("entityType", "account")
                        .accept(MediaType.TEXT_HTML)
                        .with(auditor))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"audit-region-error\"", "请从列表中选择区划", "<option value=\"account\" selected=\"selected\"");
        var htmx = mvc.get()
                .uri("/audit")
                .param("from", "2026-11-29T10:00")
                .param("to", "2026-11-29T09:00")
                .header("HX-Request", "true")
                .header("HX-Target", "audit-results")
                .accept(MediaType.TEXT_HTML)
                .with(auditor);
        assertThat(htmx)
                .hasStatusOk()
                .hasHeader("HX-Retarget", "body")
                .bodyText()
                .contains("id=\"audit-to-error\"", "开始时间不能晚于结束时间");
        // the export has no page to show the message on: it stays a 400 answer
        assertThat(mvc.get()
                        .uri("/audit/export")
                        .param("page", "x")
                        .param("to", "2026-13-01T00:00")
                        .accept(MediaType.TEXT_HTML)
                        .with(auditor))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
