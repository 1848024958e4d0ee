package org.wushe.directory.imports;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two statements every import's batched writes need: ids drawn ahead from a table's sequence, and which of a
 * file's unique keys the table already holds (a thousand per round trip).
 */
@Component
public class BulkSql {

    private static final int CHUNK = 1000;

    /** Reads one key from a row of the {@link #taken} query. */
    @FunctionalInterface
    public interface KeyReader {
        ByteBuffer read(ResultSet rs) throws SQLException;
    }

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    BulkSql(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    /** {@code n} fresh ids of {@code table}'s serial id column, in order. */
    public List<Long> nextIds(String table, int n) {
        return jdbc.sql("select nextval(pg_get_serial_sequence(:table, 'id')) from generate_series(1, :n)")
                .param("table", table)
                .param("n", n)
                .query(Long.class)
                .list();
    }

    /**
     * The keys among {@code values} that {@code sql} finds; {@code sql} has one {@code %s} where the list of
     * parameters goes, e.g. {@code select credit_code from directory_organisation where credit_code in (%s)}.
     */
    public Set<ByteBuffer> taken(String sql, Collection<?> values, KeyReader reader) {
        Set<ByteBuffer> taken = new HashSet<>();
        List<?> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<?> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            template.query(
                    sql.formatted(String.join(",", Collections.nCopies(chunk.size(), "?"))),
                    (ResultSet rs) -> {
                        taken.add(reader.read(rs));
                    },
                    chunk.toArray());
        }
        return taken;
    }
}
