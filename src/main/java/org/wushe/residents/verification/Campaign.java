package org.wushe.residents.verification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A campaign as the caller sees it, with the task counts inside the caller's scope.
 *
 * @param total tasks in the caller's scope
 * @param done  of which an outcome is recorded
 */
public record Campaign(
        long id,
        String name,
        String source,
        String regionCode,
        String regionName,
        LocalDate deadline,
        String createdBy,
        Instant createdAt,
        long total,
        long done) {

    /** Whole percent done, 0 when there is nothing to do. */
    public int percent() {
        return total == 0 ? 0 : (int) (done * 100 / total);
    }
}
