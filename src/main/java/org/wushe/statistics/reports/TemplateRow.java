package org.wushe.statistics.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.wushe.platform.XlsxDownload;

/**
 * A row of the template as it was (height and, per column, style and text), kept because the template's own rows
 * are removed before the streamed rows are written in their place.
 */
record TemplateRow(float height, List<Integer> columns, List<CellStyle> styles, List<String> texts) {

    static TemplateRow of(Row row) {
        List<Integer> columns = new ArrayList<>();
        List<CellStyle> styles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        if (row != null) {
            for (Cell cell : row) {
                columns.add(cell.getColumnIndex());
                styles.add(cell.getCellStyle());
                texts.add(cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : null);
            }
        }
        return new TemplateRow(row == null ? -1 : row.getHeightInPoints(), columns, styles, texts);
    }

    boolean hasPlaceholders() {
        return texts.stream()
                .anyMatch(
                        t -> t != null && ReportWorkbook.PLACEHOLDER.matcher(t).find());
    }

    /** A cell that is one placeholder gets its figure (0 when none); other text is kept, texts replaced. */
    void writeFigures(Row row, ReportWorkbook.Line line, Map<String, String> textValues) {
        height(row);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(columns.get(i));
            cell.setCellStyle(styles.get(i));
            String text = texts.get(i);
            Matcher whole = text == null ? null : ReportWorkbook.PLACEHOLDER.matcher(text.strip());
            if (whole == null || !whole.matches()) {
                if (text != null) {
                    cell.setCellValue(ReportWorkbook.replaceTexts(text, textValues));
                }
                continue;
            }
            String name = whole.group(1);
            if (ReportColumns.REGION.equals(name)) {
                cell.setCellValue(XlsxDownload.neutralised(line.label()));
            } else if (ReportColumns.REGION_CODE.equals(name)) {
                if (line.code() != null) {
                    cell.setCellValue(line.code());
                }
            } else if (ReportColumns.ROW_PLACEHOLDERS.contains(name)) {
                cell.setCellValue(line.figures().getOrDefault(name, 0).doubleValue());
            } else {
                cell.setCellValue(
                        ReportWorkbook.replaceTexts(text, textValues)); // unknown: left visible, to be corrected
            }
        }
    }

    void writeTexts(Row row, Map<String, String> textValues) {
        height(row);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(columns.get(i));
            cell.setCellStyle(styles.get(i));
            if (texts.get(i) != null) {
                cell.setCellValue(ReportWorkbook.replaceTexts(texts.get(i), textValues));
            }
        }
    }

    private void height(Row row) {
        if (height > 0) {
            row.setHeightInPoints(height);
        }
    }
}
