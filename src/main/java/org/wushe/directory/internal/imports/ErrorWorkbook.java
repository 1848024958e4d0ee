package org.wushe.directory.internal.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.wushe.platform.XlsxDownload;

/**
 * The rejected rows of an import: the original columns (values as uploaded, formula-like cells neutralised)
 * plus a red 错误原因 column, streamed with SXSSF so a large error file stays in bounded memory.
 */
public final class ErrorWorkbook implements AutoCloseable {

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Sheet sheet;
    private final CellStyle red;
    private final int reasonColumn;
    private int next = 1;

    public ErrorWorkbook(List<String> header, String reasonHeader) {
        sheet = workbook.createSheet();
        Font redFont = workbook.createFont();
        redFont.setColor(IndexedColors.RED.getIndex());
        red = workbook.createCellStyle();
        red.setFont(redFont);
        CellStyle redHeader = workbook.createCellStyle();
        Font white = workbook.createFont();
        white.setBold(true);
        white.setColor(IndexedColors.WHITE.getIndex());
        redHeader.setFont(white);
        redHeader.setFillForegroundColor(IndexedColors.RED.getIndex());
        redHeader.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Row row = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            row.createCell(i).setCellValue(neutralised(header.get(i)));
        }
        reasonColumn = header.size();
        var cell = row.createCell(reasonColumn);
        cell.setCellValue(reasonHeader);
        cell.setCellStyle(redHeader);
    }

    public void add(List<String> cells, String reasons) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < Math.min(cells.size(), reasonColumn); i++) {
            row.createCell(i).setCellValue(neutralised(cells.get(i)));
        }
        var cell = row.createCell(reasonColumn);
        cell.setCellValue(reasons);
        cell.setCellStyle(red);
    }

    public int rows() {
        return next - 1;
    }

    public byte[] toBytes() {
        try (var out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Neutralises formula-like cells (the same rule as every export: {@link XlsxDownload#neutralised}). */
    public static String neutralised(String value) {
        return value == null ? "" : XlsxDownload.neutralised(value);
    }

    @Override
    public void close() {
        try {
            workbook.close(); // also deletes SXSSF's temporary files
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
