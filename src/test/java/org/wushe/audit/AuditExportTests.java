package org.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wushe.audit.AuditTestData.activity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.RegionCode;

/** 导出: exactly the filtered rows, as xlsx with Chinese headers, and the export is itself audited. */
@WusheIntegrationTest
class AuditExportTests {

    private static final Instant T0 = Instant.parse("2026-11-29T00:30:05Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Accounts accounts;

    @Test
    void theExportIsTheFilteredResultInAWorkbookAndIsRecorded() throws IOException {
        String actor = AuditTestData.uniqueActor();
        new AuditTestData(events, transactions, jdbc)
                .record(List.of(
                        activity(actor, AuditAction.REVEAL, "310101", T0),
                        activity(actor, AuditAction.REVEAL, "310104", T0.plusSeconds(1)),
                        activity(actor, AuditAction.CREATE, "310101", T0.plusSeconds(2)),
                        activity(actor, AuditAction.REVEAL, "310101002", T0.plusSeconds(3))));
        String exporter = AuditTestData.uniqueActor();

        var result = mvc.get()
                .uri("/audit/export")
                .param("actor", actor)
                .param("action", "REVEAL")
                .with(Staff.as(Role.AUDITOR).in("310101").named(exporter).request())
                .exchange();

        assertThat(result)
                .hasStatusOk()
                .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"audit-")
                .endsWith(".xlsx\"");
        List<List<String>> rows = read(result.getResponse().getContentAsByteArray());
        assertThat(rows.get(0))
                .containsExactly("编号", "时间", "操作人", "操作人账号", "操作", "对象类型", "对象编号", "区划", "区划代码", "客户端地址", "原因", "涉及字段");
        assertThat(rows.subList(1, rows.size()))
                .extracting(r -> r.get(1) + " " + r.get(2) + " " + r.get(4) + " " + r.get(7) + " " + r.get(8))
                .containsExactly(
                        "2026-11-29 08:30:08 " + actor + " 显示明文 黄浦区 南京东路街道 310101002",
                        "2026-11-29 08:30:05 " + actor + " 显示明文 黄浦区 310101");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("""
                select count(*) from audit_entry
                where actor = ? and action = 'EXPORT' and entity_type = 'audit_entry'""").param(exporter).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select region_code || ' ' || array_to_string(fields, ',') from audit_entry"
                                + " where actor = ?")
                        .param(exporter)
                        .query(String.class)
                        .single())
                .isEqualTo("310101 actor,action");
    }

    @Test
    void theExportNamesTheActorAndTheRegionAndKeepsTheirCodesInColumnsOfTheirOwn() throws IOException {
        String username = AuditTestData.uniqueActor();
        Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .in("310104")
                .call(() -> accounts.create(new NewAccount(
                        username,
                        "导出测试员",
                        null,
                        Set.of(Role.STATION_STAFF),
                        DataScope.of(List.of(RegionCode.parse("310104"))))));
        new AuditTestData(events, transactions, jdbc)
                .record(List.of(new Activity(
                        T0,
                        username,
                        AuditAction.PASSWORD_CHANGE,
                        "account",
                        "7",
                        RegionCode.parse("310104003"),
                        "10.0.0.7",
                        "reset",
                        List.of("password"))));

        var result = mvc.get()
                .uri("/audit/export")
                .param("actor", username)
                .with(Staff.as(Role.AUDITOR).in("310104").request())
                .exchange();
        List<List<String>> rows = read(result.getResponse().getContentAsByteArray());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1))
                .containsExactly(
                        rows.get(1).get(0),
                        "2026-11-29 08:30:05",
                        "导出测试员",
                        username,
                        "修改密码",
                        "工作人员账户",
                        "7",
                        "徐汇区 天平路街道",
                        "310104003",
                        "10.0.0.7",
                        "管理员重置密码",
                        "密码");
    }

    @Test
    void textThatASpreadsheetWouldRunIsNeutralised() throws IOException {
        String actor = AuditTestData.uniqueActor();
        var formula = new Activity(
                T0,
                actor,
                AuditAction.REVEAL,
                "resident",
                "r-1",
                RegionCode.parse("310101"),
                "10.0.0.7",
                "=HYPERLINK(\"http://x\",\"y\")",
                List.of("phone"));
        new AuditTestData(events, transactions, jdbc).record(List.of(formula));

        var result = mvc.get()
                .uri("/audit/export")
                .param("actor", actor)
                .with(Staff.as(Role.AUDITOR).in("310101").request())
                .exchange();
        List<List<String>> rows = read(result.getResponse().getContentAsByteArray());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(10)).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
    }

    private static List<List<String>> read(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("审计日志");
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    cells.add(format.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
