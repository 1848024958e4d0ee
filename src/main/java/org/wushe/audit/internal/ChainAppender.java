package org.wushe.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves one batch from {@code audit_pending} onto the chain in one transaction: draws the ids, hashes each row
 * onto the previous one, inserts them into {@code audit_entry} and deletes them from the pending table. Only
 * the holder of the chain's advisory lock does this, so id order is chain order; a node that cannot take the
 * lock leaves the batch to the node that holds it. The only statement this application runs against
 * {@code audit_entry} besides reads is the insert below.
 */
@Component
class ChainAppender {

    /** Advisory lock key of the chain's tail; any fixed number no other module uses. */
    static final long CHAIN_LOCK = 0x5755_5348_4541_5544L; // "WUSHEAUD"
    static final int BATCH = 500;

    private static final String INSERT = """
            insert into audit_entry (id, occurred_at, recorded_at, actor, action, entity_type, entity_id,
                                     region_code, client_address, reason, fields, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ChainAppender(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Appends up to {@link #BATCH} pending rows, oldest first; returns how many (0 when another node holds the lock). */
    @Transactional
    public int appendBatch() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Boolean.class).single()) {
            return 0;
        }
        List<Pending> batch = jdbc.sql("select id, occurred_at, actor, action, entity_type, entity_id, region_code,"
                        + " client_address, reason, fields from audit_pending order by id limit ?")
                .param(BATCH)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class)
                        .toInstant(), rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                        rs.getString("entity_id"), rs.getString("region_code"), rs.getString("client_address"),
                        rs.getString("reason"), List.of((String[]) rs.getArray("fields").getArray())))
                .list();
        if (batch.isEmpty()) {
            return 0;
        }
        Instant recordedAt = jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
        byte[] previous = jdbc.sql("select hash from audit_entry order by id desc limit 1")
                .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
        List<Long> ids = jdbc.sql("select nextval('audit_entry_id_seq') from generate_series(1, ?)")
                .param(batch.size()).query(Long.class).list().stream().sorted().toList();
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            CanonicalRow row = new CanonicalRow(ids.get(i), p.occurredAt(), recordedAt, p.actor(), p.action(),
                    p.entityType(), p.entityId(), p.regionCode(), p.clientAddress(), p.reason(), p.fields());
            byte[] hash = row.hash(previous);
            rows.add(new Object[] {row.id(), Timestamp.from(row.occurredAt()), Timestamp.from(recordedAt),
                    row.actor(), row.action(), row.entityType(), row.entityId(), row.regionCode(),
                    row.clientAddress(), row.reason(), row.fields().toArray(String[]::new), previous, hash});
            previous = hash;
        }
        template.batchUpdate(INSERT, rows);
        jdbc.sql("delete from audit_pending where id = any(?)")
                .param(batch.stream().map(Pending::id).toArray(Long[]::new)).update();
        return batch.size();
    }

    private record Pending(long id, Instant occurredAt, String actor, String action, String entityType,
            String entityId, String regionCode, String clientAddress, String reason, List<String> fields) {
    }
}
