package org.wushe.statistics.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Fills a report template (its first sheet). The row holding {@code ${region}} is repeated once per report row with
 * its styles; the row after it, when it holds placeholders too, becomes the total; rows below (notes) move down.
 * Text placeholders are replaced everywhere else. What the template does not name is not written, so a bureau
 * changes headings, order, fonts and number formats in the file alone. Rows are streamed (a whole country's
 * districts is a few thousand).
 */
final class ReportWorkbook {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");
    private static final String ROW_MARK = "${" + ReportColumns.REGION + "}";

    /** One row of figures: its label, and its numbers by placeholder name (absent: 0). */
    record Line(String label, String code, Map<String, Number> figures) {}

    private ReportWorkbook() {}

    static void fill(InputStream template, Map<String, String> texts, List<Line> lines, Line total, OutputStream out)
            throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(template)) {
            XSSFSheet sheet = book.getSheetAt(0);
            int rowIndex = markedRow(sheet);
            List<TemplateRow> below = new ArrayList<>();
            for (int i = rowIndex; i <= sheet.getLastRowNum(); i++) {
                below.add(TemplateRow.of(sheet.getRow(i)));
            }
            List<CellRangeAddress> mergedBelow = removeMergedFrom(sheet, rowIndex);
            for (int i = sheet.getLastRowNum(); i >= rowIndex; i--) {
                if (sheet.getRow(i) != null) {
                    sheet.removeRow(sheet.getRow(i));
                }
            }
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        cell.setCellValue(replaceTexts(cell.getStringCellValue(), texts));
                    }
                }
            }
            SXSSFWorkbook streamed = new SXSSFWorkbook(book, 200);
            try {
                var out1 = streamed.getSheetAt(0);
                int next = rowIndex;
                for (Line line : lines) {
                    below.get(0).writeFigures(out1.createRow(next++), line, texts);
                }
                boolean hasTotal = below.size() > 1 && below.get(1).hasPlaceholders();
                if (hasTotal) {
                    below.get(1).writeFigures(out1.createRow(next++), total, texts);
                }
                int shift = next - rowIndex - (hasTotal ? 2 : 1);
                for (int i = hasTotal ? 2 : 1; i < below.size(); i++) {
                    below.get(i).writeTexts(out1.createRow(rowIndex + i + shift), texts);
                }
                for (CellRangeAddress range : mergedBelow) {
                    if (range.getFirstRow() > rowIndex + (hasTotal ? 1 : 0)) {
                        out1.addMergedRegion(new CellRangeAddress(
                                range.getFirstRow() + shift,
                                range.getLastRow() + shift,
                                range.getFirstColumn(),
                                range.getLastColumn()));
                    }
                }
                streamed.write(out);
            } finally {
                streamed.dispose();
            }
        }
    }

    /** The template's row of figures; a template without one is no report template. */
    private static int markedRow(XSSFSheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING
                        && ROW_MARK.equals(cell.getStringCellValue().strip())) {
                    return row.getRowNum();
                }
            }
        }
        throw new IllegalStateException("The report template has no row with " + ROW_MARK);
    }

    private static List<CellRangeAddress> removeMergedFrom(XSSFSheet sheet, int rowIndex) {
        List<CellRangeAddress> removed = new ArrayList<>();
        for (int i = sheet.getNumMergedRegions() - 1; i >= 0; i--) {
            CellRangeAddress range = sheet.getMergedRegion(i);
            if (range.getFirstRow() >= rowIndex) {
                removed.add(range);
                sheet.removeMergedRegion(i);
            }
        }
        return removed;
    }

    static String replaceTexts(String text, Map<String, String> texts) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = texts.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
