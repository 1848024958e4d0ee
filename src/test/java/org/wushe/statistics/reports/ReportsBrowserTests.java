package org.wushe.statistics.reports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.Browser;
import org.wushe.VisibleText;
import org.wushe.platform.ChinaTime;

/**
 * The bureau at an office screen (1440×900) in the demo city: from the dashboard to the reports page, a day chosen,
 * the daily report downloaded: a workbook with a row per district of Shanghai and the total.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ReportsBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Test
    void theBureauDownloadsTheDailyReport() throws Exception {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "civil");
            page.navigate("/statistics");
            page.locator("#statistics-reports").click();
            assertThat(page.locator("h1")).hasText("统计报表");
            VisibleText.noBareCodes(page);
            VisibleText.noWrappedButtons(page);

            String yesterday = LocalDate.now(ChinaTime.ZONE).minusDays(1).toString();
            page.locator("#f-date").fill(yesterday);
            Download download =
                    page.waitForDownload(() -> page.locator("#report-daily").click());
            assertThat(download.suggestedFilename()).startsWith("statistics-daily-" + yesterday);
            try (InputStream in = Files.newInputStream(download.path());
                    XSSFWorkbook book = new XSSFWorkbook(in)) {
                var sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("上海市社会工作服务日报（" + yesterday + "）");
                List<String> labels = new ArrayList<>();
                for (Row row : sheet) {
                    if (row.getCell(0) != null) {
                        labels.add(row.getCell(0).toString());
                    }
                }
                assertThat(labels).contains("徐汇区", "黄浦区", "合计");
            }
        }
    }
}
