package org.wushe.platform.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An empty import template: bold headers, text-formatted columns (so ID numbers keep their digits) and a
 * dropdown (list validation) for every enumerated column.
 */
public final class TemplateWorkbook {

    static final int VALIDATED_ROWS = ImportLimits.MAX_ROWS + 1;

    private TemplateWorkbook() {}

    /**
     * @param headers  the column headers in order
     * @param choices  column index → the labels its dropdown offers
     * @param strictColumns columns whose dropdown refuses other values (others only warn, e.g. multi-value cells)
     */
    public static byte[] build(
            String sheetName, List<String> headers, Map<Integer, List<String>> choices, Set<Integer> strictColumns) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(sheetName);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle head = workbook.createCellStyle();
            head.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row row = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                var cell = row.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(head);
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, 20 * 256);
            }
            sheet.createFreezePane(0, 1);
            DataValidationHelper helper = sheet.getDataValidationHelper();
            choices.forEach((column, labels) -> {
                var constraint = helper.createExplicitListConstraint(labels.toArray(String[]::new));
                DataValidation validation = helper.createValidation(
                        constraint, new CellRangeAddressList(1, VALIDATED_ROWS, column, column));
                validation.setSuppressDropDownArrow(true);
                validation.setShowErrorBox(true);
                validation.setErrorStyle(
                        strictColumns.contains(column)
                                ? DataValidation.ErrorStyle.STOP
                                : DataValidation.ErrorStyle.WARNING);
                sheet.addValidationData(validation);
            });
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
