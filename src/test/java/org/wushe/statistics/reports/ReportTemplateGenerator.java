package org.wushe.statistics.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.wushe.statistics.ServiceKind;

/**
 * Made the first report templates ({@code src/main/resources/statistics/reports/*.xlsx}); from then on they are the
 * bureau's files, edited in a spreadsheet program, so this runs only when asked (it would overwrite their edits):
 * {@code ./mvnw -o test -Dtest=ReportTemplateGenerator -Dwushe.generateReportTemplates=true}. Headings come from the
 * message bundles.
 */
class ReportTemplateGenerator {

    static final Path FOLDER = Path.of("src/main/resources/statistics/reports");
    static final List<String> ORGANISATIONS =
            List.of("AGENCY", "STATION", "COMMUNITY_SW_ROOM", "HOSPITAL_SW_DEPT", "VOLUNTEER_ORG");

    @Test
    @EnabledIfSystemProperty(named = "wushe.generateReportTemplates", matches = "true")
    void generate() throws IOException {
        for (String kind : List.of("daily", "monthly")) {
            write(kind, bundle("messages_zh_CN.properties"), true, FOLDER.resolve(kind + ".xlsx"));
            write(kind, bundle("messages_en.properties"), false, FOLDER.resolve(kind + "_en.xlsx"));
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static void write(String kind, Properties m, boolean zh, Path file) throws IOException {
        boolean daily = kind.equals("daily");
        List<String[]> columns = new ArrayList<>(); // group, heading, placeholder
        ORGANISATIONS.forEach(t -> columns.add(new String[] {
            zh ? "组织机构（个）" : "Organisations", m.getProperty("directory.orgType." + t), "organisations." + t
        }));
        columns.add(new String[] {
            zh ? "人员（人）" : "People", m.getProperty("statistics.headline.socialWorkers"), "socialWorkers"
        });
        columns.add(
                new String[] {zh ? "人员（人）" : "People", m.getProperty("statistics.headline.volunteers"), "volunteers"});
        for (ServiceKind k : ServiceKind.values()) {
            columns.add(new String[] {
                zh ? "分类服务人次" : "Person-times by service", m.getProperty("statistics.service." + k), "service." + k
            });
        }
        String totals = zh ? "服务合计" : "All services";
        columns.add(new String[] {totals, m.getProperty("statistics.headline.personTimes"), "personTimes"});
        columns.add(new String[] {totals, m.getProperty("statistics.headline.hours"), "hours"});
        String requests = zh ? "求助（件）" : "Help requests";
        columns.add(new String[] {requests, zh ? "收到" : "Received", "requests.received"});
        columns.add(new String[] {requests, zh ? "办结" : "Resolved", "requests.resolved"});
        columns.add(new String[] {requests, zh ? "超时" : "Overdue", "requests.overdue"});

        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = book.createSheet(zh ? (daily ? "日报" : "月报") : (daily ? "Daily" : "Monthly"));
            Styles s = new Styles(book);
            int last = columns.size();
            text(
                    sheet.createRow(0),
                    0,
                    zh
                            ? "${area}社会工作服务" + (daily ? "日报" : "月报") + "（${period}）"
                            : "Social-work services " + (daily ? "daily" : "monthly") + " report: ${area}, ${period}",
                    s.title);
            sheet.getRow(0).setHeightInPoints(28);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            text(sheet.createRow(1), 0, (zh ? "生成时间：" : "Generated ") + "${generatedAt}", s.plain);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
            Row groups = sheet.createRow(2);
            Row headings = sheet.createRow(3);
            headings.setHeightInPoints(48);
            Row data = sheet.createRow(4);
            Row total = sheet.createRow(5);
            text(groups, 0, "${level}", s.header);
            text(headings, 0, null, s.header);
            sheet.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            text(data, 0, "${region}", s.label);
            text(total, 0, m.getProperty("statistics.report.total"), s.totalLabel);
            int groupStart = 1;
            for (int i = 0; i < columns.size(); i++) {
                String[] c = columns.get(i);
                int col = i + 1;
                text(groups, col, c[0], s.header);
                text(headings, col, c[1], s.header);
                boolean hours = c[2].equals("hours");
                text(data, col, "${" + c[2] + "}", hours ? s.decimal : s.number);
                text(total, col, "${" + c[2] + "}", hours ? s.totalDecimal : s.totalNumber);
                sheet.setColumnWidth(col, 11 * 256);
                boolean groupEnds = i + 1 == columns.size() || !columns.get(i + 1)[0].equals(c[0]);
                if (groupEnds) {
                    if (col > groupStart) {
                        sheet.addMergedRegion(new CellRangeAddress(2, 2, groupStart, col));
                    }
                    groupStart = col + 1;
                }
            }
            sheet.setColumnWidth(0, 24 * 256);
            text(sheet.createRow(6), 0, m.getProperty("statistics.reports.note"), s.note);
            sheet.addMergedRegion(new CellRangeAddress(6, 6, 0, last));
            sheet.getRow(6).setHeightInPoints(30);
            sheet.createFreezePane(1, 4);
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setFitToPage(true);
            book.write(out);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    /** The styles of the first templates: boxed, headings bold on grey, numbers with thousands separators. */
    private static final class Styles {
        final CellStyle title, plain, header, label, number, decimal, totalLabel, totalNumber, totalDecimal, note;

        Styles(XSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title = book.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            plain = book.createCellStyle();
            plain.setAlignment(HorizontalAlignment.RIGHT);
            note = book.createCellStyle();
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.TOP);
            header = boxed(book);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            label = boxed(book);
            number = boxed(book);
            number.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            decimal = boxed(book);
            decimal.setDataFormat(book.createDataFormat().getFormat("#,##0.0"));
            totalLabel = boxed(book);
            totalLabel.setFont(bold);
            totalNumber = boxed(book);
            totalNumber.cloneStyleFrom(number);
            totalNumber.setFont(bold);
            totalDecimal = boxed(book);
            totalDecimal.cloneStyleFrom(decimal);
            totalDecimal.setFont(bold);
        }

        private static CellStyle boxed(XSSFWorkbook book) {
            CellStyle style = book.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
