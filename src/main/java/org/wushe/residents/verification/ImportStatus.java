package org.wushe.residents.verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The state of one list import, polled while it runs in the background.
 *
 * @param phase         READING (parse, validate, COPY to staging), MATCHING (set-based insert), DONE
 * @param tasksCreated  new tasks (rows not already in the campaign)
 * @param tasksExisting valid rows whose person was already in the campaign (kept with their outcomes)
 * @param tasksMatched  new tasks whose person is on the register
 * @param errorKey      why the whole file was refused (state FAILED), with {@code errorArgs}
 * @param hasErrorWorkbook rejected rows can be downloaded by the caller: true only for whoever ran the import
 */
public record ImportStatus(
        UUID id,
        long campaignId,
        String filename,
        String state,
        String phase,
        long rowsRead,
        long rowsRejected,
        long tasksCreated,
        long tasksExisting,
        long tasksMatched,
        String errorKey,
        List<String> errorArgs,
        boolean hasErrorWorkbook,
        Instant startedAt,
        Instant finishedAt) {

    public boolean running() {
        return "RUNNING".equals(state);
    }

    public long elapsedMillis() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        return end.toEpochMilli() - startedAt.toEpochMilli();
    }
}
