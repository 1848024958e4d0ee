package org.wushe.platform.spreadsheet;

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
 * plus a red 错误原因 column and the row's number in the uploaded file (源行号, after the reason so that the
 * original columns keep their places and a corrected file can be uploaded again as it is), streamed with SXSSF so
 * a large error file stays in bounded memory.
 */
public final class ErrorWorkbook implements AutoCloseable {

    /** Message key of the source-row column's header (源行号 / Source row). */
    public static final String SOURCE_ROW_HEADER = "import.sourceRowColumn";

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Sheet sheet;
    private final CellStyle red;
    private final int reasonColumn;
    private int next = 1;

    public ErrorWorkbook(List<String> header, String reasonHeader, String sourceRowHeader) {
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
        row.createCell(reasonColumn + 1).setCellValue(sourceRowHeader);
    }

    /** {@code sourceRow}: the row's number in the uploaded file (the header is row 1), as the user's editor shows it. */
    public void add(int sourceRow, List<String> cells, String reasons) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < Math.min(cells.size(), reasonColumn); i++) {
            row.createCell(i).setCellValue(neutralised(cells.get(i)));
        }
        var cell = row.createCell(reasonColumn);
        cell.setCellValue(reasons);
        cell.setCellStyle(red);
        row.createCell(reasonColumn + 1).setCellValue(sourceRow);
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
