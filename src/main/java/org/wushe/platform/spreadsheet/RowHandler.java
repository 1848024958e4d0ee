package org.wushe.platform.spreadsheet;

import java.util.List;

/**
 * Receives the header and then the data rows of an import file one at a time; {@code rowNumber} is 1-based as a
 * spreadsheet shows it.
 */
public interface RowHandler {

    /** The first row, before any data row (may throw to refuse the file). */
    void header(List<String> cells);

    void row(int rowNumber, List<String> cells);
}
