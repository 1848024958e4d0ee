package org.wushe.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds import files and reads templates and error workbooks back, for the import tests of every list. */
public final class ImportFiles {

    private ImportFiles() {}

    /** An xlsx of a header and rows (all cells text), streamed so that large files stay cheap. */
    public static byte[] xlsx(List<String> header, Iterable<List<String>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("导入");
            write(sheet.createRow(0), header);
            int r = 1;
            for (List<String> row : rows) {
                write(sheet.createRow(r++), row);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellValue(values.get(i));
        }
    }

    /** The rows of an error workbook below its header; each checked to end with a red 错误原因 cell and 源行号. */
    public static List<List<String>> errorRows(byte[] workbook) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            XSSFSheet sheet = book.getSheetAt(0);
            // the reason, then the row's number in the uploaded file (源行号)
            int reasonColumn = sheet.getRow(0).getLastCellNum() - 2;
            assertThat(sheet.getRow(0).getCell(reasonColumn).getStringCellValue())
                    .isEqualTo("错误原因");
            assertThat(sheet.getRow(0).getCell(reasonColumn + 1).getStringCellValue())
                    .isEqualTo("源行号");
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c <= reasonColumn; c++) {
                    cells.add(format.formatCellValue(sheet.getRow(r).getCell(c)));
                }
                XSSFCell reason = sheet.getRow(r).getCell(reasonColumn);
                assertThat(reason.getCellStyle().getFont().getXSSFColor().getARGBHex())
                        .as("red")
                        .endsWith("FF0000");
                rows.add(cells);
            }
            return rows;
        }
    }

    /** The template's headers and the explicit list of each dropdown. */
    public static List<String> headers(byte[] template) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            List<String> headers = new ArrayList<>();
            book.getSheetAt(0).getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            return headers;
        }
    }

    public static List<List<String>> dropdowns(byte[] template) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            return book.getSheetAt(0).getDataValidations().stream()
                    .map(v -> List.of(v.getValidationConstraint().getExplicitListValues()))
                    .toList();
        }
    }
}
