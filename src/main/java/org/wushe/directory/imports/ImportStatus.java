package org.wushe.directory.imports;

import java.util.List;
import java.util.UUID;

/**
 * Where a background import stands: RUNNING (counts so far), DONE (final counts and the error workbook, null
 * when no row was rejected) or FAILED (the file was refused as a whole or the import broke off; nothing written).
 */
record ImportStatus(
        UUID id,
        String state,
        String filename,
        long read,
        long written,
        long rejected,
        UUID errorWorkbook,
        String problemKey,
        List<String> problemArgs) {

    public boolean running() {
        return "RUNNING".equals(state);
    }

    public boolean failed() {
        return "FAILED".equals(state);
    }
}
