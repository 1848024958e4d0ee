package org.wushe.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.wushe.audit.AuditEntry;

/**
 * An export as an xlsx workbook, written with SXSSF: only a window of rows stays in memory, the rest goes to
 * a temporary file until {@link #writeTo}. Headers and action names come from the message bundle.
 */
final class AuditWorkbook implements AutoCloseable {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("id", "time", "actor", "action", "entityType", "entityId", "region",
            "clientAddress", "reason", "fields");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(AuditFilter.SHANGHAI);

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final SXSSFSheet sheet;
    private final MessageSource messages;
    private final Locale locale;
    private int rows;

    AuditWorkbook(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.sheet = workbook.createSheet(messages.getMessage("audit.export.sheet", null, locale));
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row header = sheet.createRow(rows++);
        for (int i = 0; i < COLUMNS.size(); i++) {
            header.createCell(i).setCellValue(messages.getMessage("audit.column." + COLUMNS.get(i), null, locale));
            header.getCell(i).setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    void add(AuditEntry e) {
        Row row = sheet.createRow(rows++);
        row.createCell(0).setCellValue(e.id());
        String[] values = {TIME.format(e.occurredAt()), e.actor(),
                messages.getMessage("audit.action." + e.action().name(), null, e.action().name(), locale),
                e.entityType(), e.entityId(), e.regionCode(), e.clientAddress(), e.reason(),
                String.join(", ", e.fields())};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i + 1).setCellValue(values[i]);
            }
        }
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
