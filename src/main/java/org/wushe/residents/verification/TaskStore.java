package org.wushe.residents.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.privacy.CryptoService;
import org.wushe.privacy.Masking;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.shared.RegionCode;

/** Verification tasks: worklists and progress scoped in SQL by community, the outcome update, decryption. */
@Repository
class TaskStore {

    static final String TABLE = ListRows.TABLE;

    private final JdbcClient jdbc;
    private final CryptoService crypto;

    TaskStore(JdbcClient jdbc, CryptoService crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    /** A task's stored columns, ID number and phones still encrypted. */
    record TaskRecord(
            long id,
            long campaignId,
            RegionCode community,
            String name,
            byte[] idNumberCipher,
            byte[] phoneCipher,
            String address,
            String category,
            String listSource,
            int sourceRow,
            Long residentId,
            Long assigneeAccountId,
            String outcome,
            byte[] correctedPhoneCipher,
            String correctedAddress,
            String correctedCategory,
            String note,
            String recordedBy,
            Instant recordedAt,
            int version) {

        /** The aggregate: what its transitions look at. */
        VerificationTask task() {
            return new VerificationTask(
                    id,
                    campaignId,
                    community,
                    residentId,
                    assigneeAccountId,
                    outcome == null ? null : VerificationOutcome.valueOf(outcome),
                    version);
        }
    }

    /** One group of the progress breakdown: the code prefix and its counts. */
    record Count(String prefix, long total, long done) {}

    Optional<TaskRecord> find(long id, DataScope scope) {
        var p = scope.regionPredicate("community_code");
        return jdbc.sql("select * from residents_verification_task where id = :id and " + p.sql())
                .params(p.params())
                .param("id", id)
                .query(this::record)
                .optional();
    }

    long count(DataScope scope, TaskFilter filter, long accountId) {
        Where w = where(scope, filter, accountId);
        return jdbc.sql("select count(*) from residents_verification_task where " + w.sql)
                .params(w.params)
                .query(Long.class)
                .single();
    }

    List<TaskRow> page(DataScope scope, TaskFilter filter, long accountId, int page, int size) {
        Where w = where(scope, filter, accountId);
        return jdbc.sql("select * from residents_verification_task where " + w.sql
                        + " order by (outcome is not null), community_code, id limit :limit offset :offset")
                .params(w.params)
                .param("limit", size)
                .param("offset", (long) (page - 1) * size)
                .query((rs, n) -> row(record(rs, n)))
                .list();
    }

    /** Streams every task of a campaign in the caller's scope, in community order (export). */
    void forEach(long campaignId, DataScope scope, Consumer<TaskRecord> sink) {
        var p = scope.regionPredicate("community_code");
        jdbc.sql("select * from residents_verification_task where campaign_id = :c and " + p.sql()
                        + " order by community_code, id")
                .params(p.params())
                .param("c", campaignId)
                .withFetchSize(1000)
                .query((ResultSet rs) -> {
                    sink.accept(record(rs, 0));
                });
    }

    /**
     * Done / total grouped by the first {@code length} digits of the community code, for the tasks of a campaign
     * under {@code node} in the caller's scope.
     */
    List<Count> progress(long campaignId, RegionCode node, int length, DataScope scope) {
        var p = scope.regionPredicate("community_code");
        return jdbc.sql("select substr(community_code, 1, :len) as prefix, count(*) as total, count(outcome) as done"
                        + " from residents_verification_task where campaign_id = :c and community_code >= :lo"
                        + " and community_code < :hi and " + p.sql() + " group by 1 order by 1")
                .params(p.params())
                .param("len", length)
                .param("c", campaignId)
                .param("lo", node.prefix())
                .param("hi", node.subtreeUpperBound())
                .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** Stores the finding if the task is still at {@code task}'s version; false when someone changed it meanwhile. */
    boolean recordOutcome(VerificationTask task, Finding finding, String actor, Instant at) {
        return recordOutcome(task.id(), task.version(), finding, actor, at);
    }

    /** Stores the finding if task {@code id} is still at {@code version}; false when someone changed it meanwhile. */
    boolean recordOutcome(long id, int version, Finding finding, String actor, Instant at) {
        String phone = finding.phone() == null ? null : finding.phone().value();
        return jdbc.sql("update residents_verification_task set outcome = ?, corrected_phone_cipher = ?,"
                                + " corrected_address = ?, corrected_category = ?, note = ?, recorded_by = ?, recorded_at = ?,"
                                + " version = version + 1 where id = ? and version = ?")
                        .params(
                                finding.outcome().name(),
                                phone == null ? null : crypto.encrypt(phone, TABLE, "corrected_phone_cipher"),
                                finding.address(),
                                finding.category() == null
                                        ? null
                                        : finding.category().name(),
                                finding.note(),
                                actor,
                                Timestamp.from(at),
                                id,
                                version)
                        .update()
                == 1;
    }

    void assign(long id, Long accountId) {
        jdbc.sql("update residents_verification_task set assignee_account_id = ?, version = version + 1 where id = ?")
                .params(accountId, id)
                .update();
    }

    String idNumber(TaskRecord t) {
        return crypto.decrypt(t.idNumberCipher(), TABLE, "id_number_cipher");
    }

    String phone(TaskRecord t) {
        return crypto.decrypt(t.phoneCipher(), TABLE, "phone_cipher");
    }

    String correctedPhone(TaskRecord t) {
        return crypto.decrypt(t.correctedPhoneCipher(), TABLE, "corrected_phone_cipher");
    }

    TaskRow row(TaskRecord t) {
        return new TaskRow(
                t.id(),
                t.campaignId(),
                t.community().value(),
                Masking.name(t.name()),
                Masking.idNumber(idNumber(t)),
                t.category() == null ? null : VulnerabilityCategory.valueOf(t.category()),
                t.residentId() != null,
                t.outcome() == null ? null : VerificationOutcome.valueOf(t.outcome()),
                t.recordedAt());
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(DataScope scope, TaskFilter filter, long accountId) {
        var p = scope.regionPredicate("community_code");
        StringBuilder sql = new StringBuilder(p.sql());
        Map<String, Object> params = new LinkedHashMap<>(p.params());
        if (filter.campaignId() != null) {
            sql.append(" and campaign_id = :campaign");
            params.put("campaign", filter.campaignId());
        }
        if (filter.region() != null) {
            RegionCode region = filter.region();
            sql.append(" and community_code >= :rlo and community_code < :rhi");
            params.put("rlo", region.prefix());
            params.put("rhi", region.subtreeUpperBound());
        }
        if (Boolean.FALSE.equals(filter.done())) {
            sql.append(" and outcome is null");
        } else if (Boolean.TRUE.equals(filter.done())) {
            sql.append(" and outcome is not null");
        }
        if (filter.outcome() != null) {
            sql.append(" and outcome = :outcome");
            params.put("outcome", filter.outcome().name());
        }
        if (filter.mine()) {
            sql.append(" and assignee_account_id = :me");
            params.put("me", accountId);
        }
        return new Where(sql.toString(), params);
    }

    private TaskRecord record(ResultSet rs, int n) throws SQLException {
        Timestamp recorded = rs.getTimestamp("recorded_at");
        return new TaskRecord(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                RegionCode.parse(rs.getString("community_code")),
                rs.getString("name"),
                rs.getBytes("id_number_cipher"),
                rs.getBytes("phone_cipher"),
                rs.getString("address"),
                rs.getString("category"),
                rs.getString("list_source"),
                rs.getInt("source_row"),
                (Long) rs.getObject("resident_id", Long.class),
                (Long) rs.getObject("assignee_account_id", Long.class),
                rs.getString("outcome"),
                rs.getBytes("corrected_phone_cipher"),
                rs.getString("corrected_address"),
                rs.getString("corrected_category"),
                rs.getString("note"),
                rs.getString("recorded_by"),
                recorded == null ? null : recorded.toInstant(),
                rs.getInt("version"));
    }
}
