/**
 * The import jobs the directory's lists share: {@link org.wushe.directory.imports.SpreadsheetImports} (template,
 * synchronous and background import, error workbook) which each slice extends with its columns, the job and
 * error-workbook stores, and the import page and API under {@code /<list>/import}.
 * <p>
 * It stays in the directory rather than in {@code platform.spreadsheet}: its stores are the directory's tables
 * ({@code directory_import_job}, {@code directory_import_result}), it runs as the caller (their data scope and name
 * from {@code access}) and keeps the error workbook encrypted ({@code privacy}), and {@code platform} depends on no
 * other module. The file-level engine it drives (reader, row checks, error and template workbooks) is
 * {@code platform::spreadsheet}.
 */
package org.wushe.directory.imports;
