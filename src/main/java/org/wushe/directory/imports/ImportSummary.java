package org.wushe.directory.imports;

import java.util.UUID;

/**
 * The outcome of an import: rows read, written and rejected, and the error workbook listing every rejected row
 * (null when none was rejected).
 */
public record ImportSummary(long read, long written, long rejected, UUID errorWorkbook, long elapsedMillis) {}
