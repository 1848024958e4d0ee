package org.wushe.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Moves every value of every declared {@link EncryptedColumns encrypted column} to the active key, so that an
 * old key can then be dropped (key rotation, see package-info). It runs while the application serves: each
 * batch of up to {@code wushe.crypto.re-encrypt-batch} values (default 500) is read by key order, decrypted and
 * encrypted again in the application, and written back one auto-committed statement per batch, each row only
 * if it still holds the value that was read — a value changed meanwhile by a user is left as written (it is
 * already under the active key, or is picked up by the next pass). No lock is held across batches; only row
 * locks for one short UPDATE. Cluster-safe: one node at a time (a session advisory lock); another node asking
 * at the same time gets {@link Result#ran()} false.
 */
@Service
public class ReEncryption {

    /** Advisory lock key; any fixed number no other module uses ("WUSHKEYS"). */
    static final long LOCK = 0x5755_5348_4b45_5953L;

    private static final Logger log = LoggerFactory.getLogger(ReEncryption.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CryptoService crypto;
    private final List<EncryptedColumn> columns;
    private final int batchSize;
    private final Duration pause;

    @Autowired
    ReEncryption(
            DataSource dataSource,
            CryptoService crypto,
            List<EncryptedColumns> declared,
            @Value("${wushe.crypto.re-encrypt-batch:500}") int batchSize,
            @Value("${wushe.crypto.re-encrypt-pause:PT0.01S}") Duration pause) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
        this.crypto = crypto;
        this.columns = declared.stream().flatMap(d -> d.columns().stream()).toList();
        this.batchSize = batchSize;
        this.pause = pause;
    }

    public List<EncryptedColumn> columns() {
        return columns;
    }

    /**
     * One pass over every column; then counts what is still under another key (values written meanwhile by a
     * node that still had the old key active, or that no configured key opens).
     */
    public Result run() {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!advisory(lockHolder, "select pg_try_advisory_lock(?)")) {
                log.info("Re-encryption is running on another node; not starting here");
                return new Result(false, 0, 0, -1);
            }
            try {
                long done = 0;
                long unreadable = 0;
                for (EncryptedColumn column : columns) {
                    long[] counts = reEncrypt(column);
                    done += counts[0];
                    unreadable += counts[1];
                }
                long remaining = remaining();
                log.info(
                        "Re-encryption under key '{}': {} values re-encrypted, {} unreadable, {} still under "
                                + "other keys",
                        crypto.activeKeyId(),
                        done,
                        unreadable,
                        remaining);
                return new Result(true, done, unreadable, remaining);
            } finally {
                advisory(lockHolder, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Re-encryption could not hold its lock", e);
        }
    }

    /** Values of all declared columns not under the active key (a full scan of each column). */
    public long remaining() {
        long count = 0;
        for (EncryptedColumn c : columns) {
            count += jdbc.sql("select count(*) from " + c.table() + " where " + stale(c.column()))
                    .param("active", activeKeyId())
                    .query(Long.class)
                    .single();
        }
        return count;
    }

    private long[] reEncrypt(EncryptedColumn c) {
        long done = 0;
        long unreadable = 0;
        Object after = null;
        while (true) {
            List<Object[]> batch = jdbc.sql("select " + c.key() + ", " + c.column() + " from " + c.table()
                            + " where " + stale(c.column()) + (after == null ? "" : " and " + c.key() + " > :after")
                            + " order by " + c.key() + " limit :n")
                    .param("active", activeKeyId())
                    .param("n", batchSize)
                    .params(after == null ? Map.of() : Map.of("after", after))
                    .query((rs, n) -> new Object[] {rs.getObject(1), rs.getBytes(2)})
                    .list();
            if (batch.isEmpty()) {
                return new long[] {done, unreadable};
            }
            List<Object[]> updates = new ArrayList<>(batch.size());
            for (Object[] row : batch) {
                try {
                    updates.add(new Object[] {
                        crypto.reEncrypt((byte[]) row[1], c.boundTable(), c.boundColumn()), row[0], row[1]
                    });
                } catch (DecryptionException e) {
                    unreadable++;
                    log.warn("{}.{} {}={}: {}", c.table(), c.column(), c.key(), row[0], e.getMessage());
                }
            }
            after = batch.get(batch.size() - 1)[0];
            for (int n : template.batchUpdate(
                    "update " + c.table() + " set " + c.column() + " = ? where " + c.key() + " = ? and " + c.column()
                            + " = ?",
                    updates)) {
                done += Math.max(n, 0);
            }
            sleep();
        }
    }

    /** The key id is the envelope's bytes 3.. (its length in byte 2), see privacy.internal.Envelope. */
    private static String stale(String column) {
        return column + " is not null and octet_length(" + column + ") > 2 and substring(" + column
                + " from 3 for get_byte(" + column + ", 1)) <> :active";
    }

    private byte[] activeKeyId() {
        return crypto.activeKeyId().getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Re-encryption interrupted", e);
        }
    }

    /**
     * @param ran          false when another node holds the re-encryption lock
     * @param reEncrypted  values moved to the active key by this pass
     * @param unreadable   values no configured key opens (they are logged and left alone)
     * @param remaining    values still under another key after the pass (-1 when it did not run)
     */
    public record Result(boolean ran, long reEncrypted, long unreadable, long remaining) {}
}
