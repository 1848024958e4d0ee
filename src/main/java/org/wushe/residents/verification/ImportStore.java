package org.wushe.residents.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.privacy.CryptoService;

/**
 * The status rows of list imports. Progress is written in its own short transactions (the import's transaction
 * is still open and invisible); the final counts and the error workbook are written inside the import's
 * transaction, so “DONE” and the tasks commit together.
 */
@Repository
class ImportStore {

    private static final String TABLE = "residents_campaign_import";
    private static final String SEPARATOR = "\u001f";
    /**
     * The status columns, for {@code viewer} (the first parameter): an error workbook counts only for whoever ran
     * the import, the one person {@link #errorWorkbook} gives it to, so nobody else is offered a download.
     */
    private static final String COLUMNS = "id, campaign_id, filename, state, phase, rows_read, rows_rejected,"
            + " tasks_created, tasks_existing, tasks_matched, error_key, error_args, started_at, finished_at,"
            + " (error_workbook is not null and created_by = ?) as has_errors";

    private final JdbcClient jdbc;
    private final CryptoService crypto;
    private final TransactionTemplate separate;

    ImportStore(JdbcClient jdbc, CryptoService crypto, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.separate = new TransactionTemplate(transactions);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void started(UUID id, long campaignId, String filename, String actor) {
        separate.executeWithoutResult(s -> jdbc.sql("insert into residents_campaign_import (id, campaign_id,"
                        + " filename, created_by, state, phase) values (?, ?, ?, ?, 'RUNNING', 'QUEUED')")
                .params(id, campaignId, filename, actor)
                .update());
    }

    void progress(UUID id, String phase, long read, long rejected) {
        separate.executeWithoutResult(s -> jdbc.sql("update residents_campaign_import set phase = ?, rows_read = ?,"
                        + " rows_rejected = ? where id = ? and state = 'RUNNING'")
                .params(phase, read, rejected, id)
                .update());
    }

    /** In the import's transaction. */
    void done(UUID id, long read, long rejected, long created, long existing, long matched, byte[] errors) {
        jdbc.sql("update residents_campaign_import set state = 'DONE', phase = 'DONE', rows_read = ?,"
                        + " rows_rejected = ?, tasks_created = ?, tasks_existing = ?, tasks_matched = ?,"
                        + " error_workbook = ?, finished_at = clock_timestamp() where id = ?")
                .params(
                        read,
                        rejected,
                        created,
                        existing,
                        matched,
                        errors == null
                                ? null
                                : crypto.encrypt(Base64.getEncoder().encodeToString(errors), TABLE, "error_workbook"),
                        id)
                .update();
    }

    /** After the import's transaction rolled back: nothing was written, say why. */
    void failed(UUID id, String key, Object... args) {
        separate.executeWithoutResult(s -> jdbc.sql(
                        "update residents_campaign_import set state = 'FAILED',"
                                + " phase = 'FAILED', error_key = ?, error_args = ?, finished_at = clock_timestamp() where id = ?")
                .params(
                        key,
                        String.join(
                                SEPARATOR,
                                Arrays.stream(args).map(String::valueOf).toList()),
                        id)
                .update());
    }

    /** The campaign of an import (to decide who may see it), if the import exists. */
    public Optional<Long> campaignOf(UUID id) {
        return jdbc.sql("select campaign_id from residents_campaign_import where id = ?")
                .param(id)
                .query(Long.class)
                .optional();
    }

    /**
     * The latest imports of a campaign, newest first, of those {@code viewer} may see: all of them ({@code all}),
     * else only their own.
     */
    public List<ImportStatus> latest(long campaignId, int limit, String viewer, boolean all) {
        return jdbc.sql("select " + COLUMNS + " from residents_campaign_import where campaign_id = ?"
                        + " and (? or created_by = ?) order by started_at desc limit ?")
                .params(viewer, campaignId, all, viewer, limit)
                .query(this::status)
                .list();
    }

    /** One import, if {@code viewer} may see it: any ({@code all}), else only their own. */
    public Optional<ImportStatus> find(UUID id, String viewer, boolean all) {
        return jdbc.sql("select " + COLUMNS + " from residents_campaign_import where id = ? and (? or created_by = ?)")
                .params(viewer, id, all, viewer)
                .query(this::status)
                .optional();
    }

    /** The error workbook, only for the user who ran the import. */
    public Optional<byte[]> errorWorkbook(UUID id, String createdBy) {
        return jdbc.sql("select error_workbook from residents_campaign_import where id = ? and created_by = ?"
                        + " and error_workbook is not null")
                .params(id, createdBy)
                .query((rs, n) -> Base64.getDecoder().decode(crypto.decrypt(rs.getBytes(1), TABLE, "error_workbook")))
                .optional();
    }

    private ImportStatus status(ResultSet rs, int n) throws SQLException {
        String args = rs.getString("error_args");
        var finished = rs.getTimestamp("finished_at");
        return new ImportStatus(
                rs.getObject("id", UUID.class),
                rs.getLong("campaign_id"),
                rs.getString("filename"),
                rs.getString("state"),
                rs.getString("phase"),
                rs.getLong("rows_read"),
                rs.getLong("rows_rejected"),
                rs.getLong("tasks_created"),
                rs.getLong("tasks_existing"),
                rs.getLong("tasks_matched"),
                rs.getString("error_key"),
                args == null || args.isEmpty() ? List.of() : List.of(args.split(SEPARATOR)),
                rs.getBoolean("has_errors"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
