/**
 * The spreadsheet engine every import shares (organisations, social workers and volunteers in the directory,
 * verification lists in residents), beside {@link org.wushe.platform.XlsxDownload} for exports. Named interface
 * {@code platform::spreadsheet}.
 *
 * <h2>How an import runs</h2>
 * <ol>
 *   <li>{@link org.wushe.platform.spreadsheet.SpreadsheetReader} streams the rows of the first sheet of an .xlsx
 *   (SAX over the sheet XML; the workbook is never held in memory) or of a .csv (RFC 4180 quoting) to a
 *   {@link org.wushe.platform.spreadsheet.RowHandler}. A .csv may be UTF-8 (BOM or not) or GB18030/GBK, as Excel
 *   saves it on a Chinese Windows: at the first non-ASCII byte the next 64 KB decide, in the same single pass
 *   ({@code CsvText}); a file that turns invalid further on is refused whole.</li>
 *   <li>{@link org.wushe.platform.spreadsheet.ImportLimits} bounds the file: size, row count, entry size and
 *   inflate ratio of the zip (a zip bomb is refused before it is inflated).</li>
 *   <li>{@link org.wushe.platform.spreadsheet.RowImport} maps the header to the entity's column keys, validates
 *   each row through the entity's {@code check}, checks the unique key within the file and, a chunk of 1,000 rows
 *   at a time, against the database, then hands each chunk's valid rows to the entity's writer. Memory stays
 *   bounded by one chunk, the keys seen so far and the error workbook's SXSSF window.</li>
 *   <li>{@link org.wushe.platform.spreadsheet.ErrorWorkbook} receives every refused row in file order: the uploaded
 *   columns, the red 错误原因 column, then 源行号 (the row's number in the file, header = 1, blank rows counted).
 *   A corrected error workbook can be uploaded again as it is; extra columns are ignored.</li>
 *   <li>{@link org.wushe.platform.spreadsheet.TemplateWorkbook} writes the empty template a user downloads.</li>
 * </ol>
 * Bad files fail with {@link org.wushe.platform.spreadsheet.ImportFileException} (keys {@code import.file.*}), bad
 * rows never fail the import. Verification lists use the reader and the error workbook but not {@code RowImport}:
 * they COPY whole files to a staging table and insert set-based ({@code residents.verification}).
 */
@org.springframework.modulith.NamedInterface("spreadsheet")
package org.wushe.platform.spreadsheet;
