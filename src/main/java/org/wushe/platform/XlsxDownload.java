package org.wushe.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One streamed xlsx sheet sent as a download: a bold, frozen header row, then rows written as they come (only
 * a window of rows is kept in memory). Text that a spreadsheet would run as a formula is neutralised — every
 * export of user-entered text goes through here, so none can forget it.
 */
public final class XlsxDownload implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final SXSSFSheet sheet;
    private int rows;

    public XlsxDownload(String sheetName, List<String> headers) {
        sheet = workbook.createSheet(sheetName);
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row header = sheet.createRow(rows++);
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
            header.getCell(i).setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    /** Appends a row: numbers as numbers, everything else as (neutralised) text, null as an empty cell. */
    public void row(Object... values) {
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (values[i] != null) {
                row.createCell(i).setCellValue(neutralised(values[i].toString()));
            }
        }
    }

    /** Sends the workbook as {@code <prefix>-yyyyMMdd-HHmmss.xlsx} (Shanghai time). */
    public void sendAs(HttpServletResponse response, String filePrefix, Clock clock) throws IOException {
        response.setContentType(CONTENT_TYPE);
        String name = filePrefix + "-"
                + LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).format(FILE_TIME) + ".xlsx";
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        workbook.write(response.getOutputStream());
    }

    /** A value a spreadsheet would evaluate as a formula gets a leading single quote (formula injection). */
    public static String neutralised(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }
}
