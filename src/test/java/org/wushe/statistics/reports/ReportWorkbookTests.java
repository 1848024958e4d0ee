package org.wushe.statistics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The template decides the layout: rows of figures take the marked row's place and styles, the total follows, notes
 * move down, and a template with its columns in another order gives a report in that order, with no code changed.
 * The committed templates name only placeholders the code knows.
 */
class ReportWorkbookTests {

    static final Map<String, String> TEXTS =
            Map.of("area", "徐汇区", "period", "2019-11-13", "generatedAt", "2019-11-14 08:00", "level", "街道（镇）");
    static final List<ReportWorkbook.Line> LINES = List.of(
            new ReportWorkbook.Line(
                    "天平路街道", "310104003", Map.of("service.HEALTH_CARE", 7L, "hours", new BigDecimal("2.5"))),
            new ReportWorkbook.Line("湖南路街道", "310104004", Map.of("service.HEALTH_CARE", 3L)));
    static final ReportWorkbook.Line TOTAL =
            new ReportWorkbook.Line("合计", null, Map.of("service.HEALTH_CARE", 10L, "hours", new BigDecimal("2.5")));

    @Test
    void rowsTakeTheMarkedRowsPlaceAndTheNotesMoveDown() throws IOException {
        try (XSSFWorkbook book = filled(committed("daily.xlsx"))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("徐汇区社会工作服务日报（2019-11-13）");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("街道（镇）");
            int health = column(sheet, 3, "健康关爱");
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("天平路街道");
            assertThat(sheet.getRow(4).getCell(health).getNumericCellValue()).isEqualTo(7);
            assertThat(sheet.getRow(5).getCell(health).getNumericCellValue()).isEqualTo(3);
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(sheet.getRow(6).getCell(health).getNumericCellValue()).isEqualTo(10);
            assertThat(sheet.getRow(6).getCell(column(sheet, 3, "服务时长（小时）")).getNumericCellValue())
                    .isEqualTo(2.5);
            assertThat(sheet.getRow(7).getCell(0).getStringCellValue()).contains("机构、社工、志愿者为生成时的在册数");
            assertThat(sheet.getRow(4).getCell(health).getCellStyle().getDataFormatString())
                    .as("the template row's number format")
                    .isEqualTo("#,##0");
            assertThat(sheet.getMergedRegions()).anyMatch(r -> r.getFirstRow() == 7 && r.getLastColumn() > 1);
        }
    }

    @Test
    void aTemplateWithItsColumnsInAnotherOrderGivesThatOrder() throws IOException {
        byte[] modified;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(committed("daily.xlsx")))) {
            Sheet sheet = book.getSheetAt(0);
            // the bureau swaps the first two figure columns and renames a heading, in a spreadsheet program
            for (int r : new int[] {3, 4, 5}) {
                Row row = sheet.getRow(r);
                String first = row.getCell(1).getStringCellValue();
                row.getCell(1).setCellValue(row.getCell(2).getStringCellValue());
                row.getCell(2).setCellValue(first);
            }
            sheet.getRow(3).getCell(1).setCellValue("健康关爱人次");
            sheet.getRow(4).getCell(1).setCellValue("${service.HEALTH_CARE}");
            sheet.getRow(5).getCell(1).setCellValue("${service.HEALTH_CARE}");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            modified = out.toByteArray();
        }
        try (XSSFWorkbook book = filled(modified)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("健康关爱人次");
            assertThat(sheet.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(7);
            assertThat(sheet.getRow(6).getCell(1).getNumericCellValue()).isEqualTo(10);
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("社会工作服务机构");
        }
    }

    @Test
    void theCommittedTemplatesNameOnlyKnownPlaceholders() throws IOException {
        for (String name : List.of("daily.xlsx", "monthly.xlsx", "daily_en.xlsx", "monthly_en.xlsx")) {
            List<String> unknown = new ArrayList<>();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(committed(name)))) {
                for (Row row : book.getSheetAt(0)) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            Matcher m = ReportWorkbook.PLACEHOLDER.matcher(cell.getStringCellValue());
                            while (m.find()) {
                                if (!ReportColumns.all().contains(m.group(1))) {
                                    unknown.add(m.group());
                                }
                            }
                        }
                    }
                }
            }
            assertThat(unknown).as(name).isEmpty();
        }
    }

    private static XSSFWorkbook filled(byte[] template) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWorkbook.fill(new ByteArrayInputStream(template), TEXTS, LINES, TOTAL, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    static int column(Sheet sheet, int headingRow, String heading) {
        for (Cell cell : sheet.getRow(headingRow)) {
            if (cell.getCellType() == CellType.STRING
                    && cell.getStringCellValue().equals(heading)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + heading);
    }

    private static byte[] committed(String name) throws IOException {
        try (InputStream in = ReportWorkbookTests.class.getResourceAsStream("/statistics/reports/" + name)) {
            return in.readAllBytes();
        }
    }
}
