package org.wushe.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.wushe.access.AccountNames;
import org.wushe.access.KnownRegions;
import org.wushe.audit.AuditEntry;
import org.wushe.platform.XlsxDownload;
import org.wushe.shared.AuditAction;
import org.wushe.shared.RegionCode;

/**
 * The export names regions and actors without a look-up per row (issue 15 item 3): names are read once per batch
 * for the values the batch brings that earlier batches did not, and every row still gets its names.
 */
class AuditWorkbookTests {

    private final List<Collection<?>> regionLookups = new ArrayList<>();
    private final List<Collection<?>> accountLookups = new ArrayList<>();

    @Test
    void namesAreReadPerBatchAndOnlyForValuesNotSeenBefore() throws IOException {
        KnownRegions regions = new KnownRegions() {
            @Override
            public boolean exists(RegionCode code) {
                return true;
            }

            @Override
            public Map<RegionCode, String> names(Collection<RegionCode> codes) {
                regionLookups.add(List.copyOf(codes));
                return codes.stream()
                        .filter(c -> c.value().equals("310101"))
                        .collect(Collectors.toMap(c -> c, c -> "黄浦区"));
            }
        };
        AccountNames accounts = mock(AccountNames.class);
        when(accounts.displayNamesByUsername(anyCollection())).thenAnswer(call -> {
            Collection<String> usernames = call.getArgument(0);
            accountLookups.add(List.copyOf(usernames));
            return usernames.stream().collect(Collectors.toMap(u -> u, u -> "名字" + u));
        });
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Locale zh = Locale.SIMPLIFIED_CHINESE;

        int total = AuditWorkbook.BATCH * 2 + 500;
        byte[] xlsx;
        try (XlsxDownload sheet = AuditWorkbook.create(messages, zh)) {
            var rows = new AuditWorkbook(sheet, messages, new AuditLabels(messages), regions, accounts, zh);
            for (int i = 0; i < total; i++) {
                // a new staff actor in each batch, the same regions throughout, "system" needs no look-up
                String actor = i % 2 == 0 ? "user" + (i / AuditWorkbook.BATCH) : "system";
                rows.accept(new AuditEntry(
                        i,
                        Instant.parse("2026-11-29T00:00:00Z"),
                        Instant.parse("2026-11-29T00:00:00Z"),
                        actor,
                        AuditAction.UPDATE,
                        "account",
                        "1",
                        i % 3 == 0 ? "310101" : "310104999",
                        null,
                        "reset",
                        List.of("password")));
            }
            rows.flush();
            var response = new MockHttpServletResponse();
            sheet.sendAs(response, "audit", Clock.systemUTC());
            xlsx = response.getContentAsByteArray();
        }

        assertThat(regionLookups).hasSize(1);
        assertThat(accountLookups).containsExactly(List.of("user0"), List.of("user1"), List.of("user2"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            assertThat(sheet.getLastRowNum()).isEqualTo(total);
            var first = sheet.getRow(1);
            assertThat(format.formatCellValue(first.getCell(2))).isEqualTo("名字user0");
            assertThat(format.formatCellValue(first.getCell(3))).isEqualTo("user0");
            assertThat(format.formatCellValue(first.getCell(7))).isEqualTo("黄浦区");
            assertThat(format.formatCellValue(first.getCell(8))).isEqualTo("310101");
            assertThat(format.formatCellValue(first.getCell(10))).isEqualTo("管理员重置密码");
            var last = sheet.getRow(total);
            assertThat(format.formatCellValue(last.getCell(2))).isEqualTo("系统（自动）");
            assertThat(format.formatCellValue(last.getCell(3))).isEqualTo("system");
            // a code without a name keeps the code in both columns
            assertThat(format.formatCellValue(sheet.getRow(2).getCell(7))).isEqualTo("310104999");
            assertThat(format.formatCellValue(
                            sheet.getRow(2 * AuditWorkbook.BATCH + 1).getCell(2)))
                    .isEqualTo("名字user2");
        }
    }
}
