package org.wushe.directory.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.wushe.directory.OrganisationRow;

/**
 * The organisation export as an xlsx workbook, written with SXSSF (a window of rows in memory, the rest in a
 * temporary file until {@link #writeTo}). Headers and enumeration labels come from the message bundle; text
 * cells that a spreadsheet would read as a formula ({@code = + - @}) are neutralised with a leading quote.
 */
final class OrganisationWorkbook implements AutoCloseable {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("id", "name", "type", "creditCode", "region", "address",
            "contactPerson", "status", "verifiedAt");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final SXSSFSheet sheet;
    private final MessageSource messages;
    private final Locale locale;
    private int rows;

    OrganisationWorkbook(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.sheet = workbook.createSheet(messages.getMessage("directory.export.sheet", null, locale));
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row header = sheet.createRow(rows++);
        for (int i = 0; i < COLUMNS.size(); i++) {
            header.createCell(i).setCellValue(messages.getMessage("directory.column." + COLUMNS.get(i), null, locale));
            header.getCell(i).setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    void add(OrganisationRow o) {
        Row row = sheet.createRow(rows++);
        row.createCell(0).setCellValue(o.id());
        String[] values = {o.name(), messages.getMessage("directory.orgType." + o.type().name(), null, locale),
                o.creditCode(), o.regionCode(), o.address(), o.contactPerson(),
                messages.getMessage("directory.status." + o.status().name(), null, locale),
                o.verifiedAt() == null ? null : TIME.format(o.verifiedAt())};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i + 1).setCellValue(neutralised(values[i]));
            }
        }
    }

    /** A value a spreadsheet would evaluate as a formula gets a leading single quote (CSV/formula injection). */
    static String neutralised(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }
}
