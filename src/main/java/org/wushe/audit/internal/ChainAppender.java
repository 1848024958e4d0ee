package org.wushe.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves one batch from {@code audit_pending} onto the chain in one transaction: allocates the ids, hashes each
 * row onto the previous one (HMAC-SM3, chain version 2), inserts them into {@code audit_entry} and deletes them
 * from the pending table. Only the holder of the chain's advisory lock does this, so id order is chain order; a
 * node that cannot take the lock leaves the batch to the node that holds it. The only statements this
 * application runs against {@code audit_entry} besides reads are the insert below and advancing its sequence.
 *
 * <p>Ids have no gaps: the next id is the last row's id + 1 inside this transaction (a rolled-back batch uses
 * none), so a gap in the keyed chain is a removed row. {@code audit_entry_id_seq} is no longer drawn from; after
 * each commit the writer moves it up to the highest id written ({@link #markWritten}, outside the transaction),
 * so that it remembers ids that were once written. If the chain's last row is below that mark, its newest rows
 * were removed: the next batch continues after the mark, which leaves the removed ids as a visible gap, and the
 * removal is logged as an error.
 */
@Component
class ChainAppender {

    /** Advisory lock key of the chain's tail; any fixed number no other module uses. */
    static final long CHAIN_LOCK = 0x5755_5348_4541_5544L; // "WUSHEAUD"

    static final int BATCH = 500;

    private static final String INSERT = """
            insert into audit_entry (id, occurred_at, recorded_at, actor, action, entity_type, entity_id,
                                     region_code, client_address, reason, fields, prev_hash, hash, chain_version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final Logger log = LoggerFactory.getLogger(ChainAppender.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ChainHash hashes;

    ChainAppender(JdbcClient jdbc, JdbcTemplate template, ChainHash hashes) {
        this.jdbc = jdbc;
        this.template = template;
        this.hashes = hashes;
    }

    /**
     * Appends up to {@link #BATCH} pending rows, oldest first; returns how many and the last id (0 rows when
     * another node holds the lock or nothing is pending).
     */
    @Transactional
    public Appended appendBatch() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(CHAIN_LOCK)
                .query(Boolean.class)
                .single()) {
            return Appended.NONE;
        }
        List<Pending> batch = jdbc.sql("select id, occurred_at, actor, action, entity_type, entity_id, region_code,"
                        + " client_address, reason, fields from audit_pending order by id limit ?")
                .param(BATCH)
                .query((rs, n) -> new Pending(
                        rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("entity_type"),
                        rs.getString("entity_id"),
                        rs.getString("region_code"),
                        rs.getString("client_address"),
                        rs.getString("reason"),
                        List.of((String[]) rs.getArray("fields").getArray())))
                .list();
        if (batch.isEmpty()) {
            return Appended.NONE;
        }
        Tail tail = tail();
        Instant recordedAt = tail.now();
        Head head = tail.head();
        byte[] previous = head == null ? null : head.hash();
        long last = head == null ? 0 : head.id();
        long written = tail.written();
        if (written > last && head != null && head.version() == ChainHash.KEYED) {
            log.error(
                    "The audit chain ends at id {} but ids up to {} were written: rows {}-{} were removed. "
                            + "Appending after {}; verification reports the gap.",
                    last,
                    written,
                    last + 1,
                    written,
                    written);
        }
        // After an upgrade the sequence may be ahead of the legacy chain (its ids were drawn from it and a
        // rolled-back batch left some unused): the first keyed row then follows the sequence, which is allowed.
        last = Math.max(last, written);
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            CanonicalRow row = new CanonicalRow(
                    last + 1 + i,
                    p.occurredAt(),
                    recordedAt,
                    p.actor(),
                    p.action(),
                    p.entityType(),
                    p.entityId(),
                    p.regionCode(),
                    p.clientAddress(),
                    p.reason(),
                    p.fields());
            byte[] hash = hashes.hash(row, ChainHash.KEYED, previous);
            rows.add(new Object[] {
                row.id(),
                Timestamp.from(row.occurredAt()),
                Timestamp.from(recordedAt),
                row.actor(),
                row.action(),
                row.entityType(),
                row.entityId(),
                row.regionCode(),
                row.clientAddress(),
                row.reason(),
                row.fields().toArray(String[]::new),
                previous,
                hash,
                ChainHash.KEYED
            });
            previous = hash;
        }
        template.batchUpdate(INSERT, rows);
        jdbc.sql("delete from audit_pending where id = any(?)")
                .param(batch.stream().map(Pending::id).toArray(Long[]::new))
                .update();
        return new Appended(batch.size(), last + batch.size());
    }

    /** The chain's last row, if any. */
    Optional<Head> head() {
        return jdbc.sql("select id, hash, chain_version from audit_entry order by id desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2), rs.getInt(3)))
                .optional();
    }

    /** Rows with {@code afterId < id <= throughId} (an index range scan). */
    long rowsBetween(long afterId, long throughId) {
        return jdbc.sql("select count(*) from audit_entry where id > ? and id <= ?")
                .params(afterId, throughId)
                .query(Long.class)
                .single();
    }

    /**
     * Moves the sequence up to {@code lastId} (never down): called after the batch committed, so a batch that
     * rolled back never counts as written. {@code setval} is not transactional, hence not inside the batch.
     */
    void markWritten(long lastId) {
        jdbc.sql("select setval('audit_entry_id_seq', greatest(?, (select last_value from audit_entry_id_seq)))")
                .param(lastId)
                .query(Long.class)
                .single();
    }

    /**
     * The time the batch is recorded at, the chain's last row and the highest id ever written, in one round trip
     * (this runs once per batch, on the path of every audited write).
     */
    private Tail tail() {
        return jdbc.sql("""
                        select clock_timestamp(), h.id, h.hash, h.chain_version,
                               (select case when is_called then last_value else 0 end from audit_entry_id_seq)
                        from (select 1) one
                        left join (select id, hash, chain_version from audit_entry order by id desc limit 1) h on true""")
                .query((rs, n) -> new Tail(
                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2) == null ? null : new Head(rs.getLong(2), rs.getBytes(3), rs.getInt(4)),
                        rs.getLong(5)))
                .single();
    }

    record Appended(int rows, long lastId) {
        static final Appended NONE = new Appended(0, 0);
    }

    record Head(long id, byte[] hash, int version) {}

    private record Tail(Instant now, Head head, long written) {}

    private record Pending(
            long id,
            Instant occurredAt,
            String actor,
            String action,
            String entityType,
            String entityId,
            String regionCode,
            String clientAddress,
            String reason,
            List<String> fields) {}
}
