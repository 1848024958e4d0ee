package org.wushe.directory.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The status of imports in PostgreSQL, so that whichever node serves the importer's poll can answer. Every write
 * commits on its own ({@code REQUIRES_NEW}): progress must be visible while the import's own transaction is still
 * open.
 */
@Repository
class ImportJobStore {

    /** A RUNNING job not updated for this long lost its node. */
    static final String STALE = "10 minutes";

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    ImportJobStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public UUID create(String entityType, String createdBy, String filename) {
        UUID id = UUID.randomUUID();
        own.executeWithoutResult(s -> {
            jdbc.sql("delete from directory_import_job where created_at < now() - interval '7 days'")
                    .update();
            jdbc.sql("insert into directory_import_job (id, entity_type, created_by, filename) values (?, ?, ?, ?)")
                    .params(
                            id,
                            entityType,
                            createdBy,
                            filename == null ? null : filename.substring(0, Math.min(200, filename.length())))
                    .update();
        });
        return id;
    }

    public void progress(UUID id, long read, long written, long rejected) {
        own.executeWithoutResult(
                s -> jdbc.sql("""
                update directory_import_job set rows_read = ?, rows_written = ?, rows_rejected = ?, updated_at = now()
                where id = ? and state = 'RUNNING'""").params(read, written, rejected, id).update());
    }

    public void done(UUID id, long read, long written, long rejected, UUID resultId) {
        own.executeWithoutResult(
                s -> jdbc.sql("""
                update directory_import_job set state = 'DONE', rows_read = ?, rows_written = ?, rows_rejected = ?,
                    result_id = ?, updated_at = now(), finished_at = now() where id = ?""").params(read, written, rejected, resultId, id).update());
    }

    /** The import failed as a whole (its transaction rolled back: nothing was written). */
    public void failed(UUID id, String problemKey, Object... args) {
        String[] texts = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        own.executeWithoutResult(s -> jdbc.sql("""
                update directory_import_job set state = 'FAILED', rows_written = 0, problem_key = :key,
                    problem_args = :args, updated_at = now(), finished_at = now() where id = :id""")
                .param("key", problemKey)
                .param("args", texts)
                .param("id", id)
                .update());
    }

    /** The job, only for the user who started it. */
    public Optional<Job> find(UUID id, String entityType, String createdBy) {
        return jdbc.sql("""
                select id, state, filename, rows_read, rows_written, rows_rejected, result_id, problem_key, problem_args,
                    state = 'RUNNING' and updated_at < now() - cast(:stale as interval) as stale
                from directory_import_job where id = :id and entity_type = :type and created_by = :by""")
                .param("stale", STALE)
                .param("id", id)
                .param("type", entityType)
                .param("by", createdBy)
                .query(ImportJobStore::job)
                .optional();
    }

    private static Job job(ResultSet rs, int n) throws SQLException {
        String[] args = (String[]) rs.getArray("problem_args").getArray();
        boolean stale = rs.getBoolean("stale");
        return new Job(
                rs.getObject("id", UUID.class),
                stale ? "FAILED" : rs.getString("state"),
                rs.getString("filename"),
                rs.getLong("rows_read"),
                rs.getLong("rows_written"),
                rs.getLong("rows_rejected"),
                rs.getObject("result_id", UUID.class),
                stale ? "import.interrupted" : rs.getString("problem_key"),
                List.of(args));
    }

    public record Job(
            UUID id,
            String state,
            String filename,
            long read,
            long written,
            long rejected,
            UUID resultId,
            String problemKey,
            List<String> problemArgs) {}
}
