package org.wushe.bench;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's own access to the application's PostgreSQL: the {@code bench} schema where baselines and
 * generated data live (dropped at the end), COPY, settings and pg_stat_statements.
 */
final class BenchDatabase {

    static final List<String> SETTINGS = List.of(
            "server_version",
            "shared_buffers",
            "effective_cache_size",
            "work_mem",
            "maintenance_work_mem",
            "max_connections",
            "fsync",
            "synchronous_commit",
            "full_page_writes",
            "wal_level",
            "max_wal_size",
            "checkpoint_timeout",
            "random_page_cost",
            "jit",
            "max_parallel_workers_per_gather",
            "shared_preload_libraries",
            "lc_ctype",
            "server_encoding");

    final DataSource dataSource;
    final JdbcTemplate jdbc;

    BenchDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void createSchema() {
        jdbc.execute("drop schema if exists bench cascade");
        jdbc.execute("create schema bench");
    }

    void dropSchema() {
        jdbc.execute("drop schema if exists bench cascade");
    }

    /** A connection of its own (not from the application's pool), so probes never starve the application. */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    long copy(String sql, Reader csv) throws SQLException, IOException {
        try (Connection c = connection()) {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, csv);
        }
    }

    void execute(String... statements) {
        for (String s : statements) {
            jdbc.execute(s);
        }
    }

    /** Writes the dirty buffers now (needs pg_checkpoint or superuser; skipped, with a log line, without). */
    void checkpoint() {
        try {
            jdbc.execute("checkpoint");
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(BenchDatabase.class).warn("checkpoint skipped: {}", e.getMessage());
        }
    }

    Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : SETTINGS) {
            jdbc.query(
                    "select setting, unit from pg_settings where name = ?",
                    rs -> {
                        String unit = rs.getString(2);
                        out.put(name, rs.getString(1) + (unit == null ? "" : " × " + unit));
                    },
                    name);
        }
        out.put("version", jdbc.queryForObject("select version()", String.class));
        return out;
    }

    boolean statementsAvailable() {
        try {
            String preload = jdbc.queryForObject("show shared_preload_libraries", String.class);
            if (preload == null || !preload.contains("pg_stat_statements")) {
                return false;
            }
            jdbc.execute("create extension if not exists pg_stat_statements");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void resetStatements() {
        if (statementsAvailable()) {
            jdbc.execute("select pg_stat_statements_reset()");
        }
    }

    /** The statements that took most of the database's time since the last reset: where a bottleneck shows. */
    List<Map<String, Object>> topStatements(int limit) {
        if (!statementsAvailable()) {
            return List.of();
        }
        return jdbc.queryForList("""
                select left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query, calls,
                       round(total_exec_time::numeric, 1) as total_ms, round(mean_exec_time::numeric, 3) as mean_ms,
                       rows, shared_blks_hit, shared_blks_read, wal_bytes
                from pg_stat_statements
                where query not ilike '%pg_stat_statements%'
                order by total_exec_time desc limit ?""", limit);
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of a query, as text, for the report of a missed target. */
    String explain(String sql, Object... params) {
        return String.join("\n", jdbc.queryForList("explain (analyze, buffers) " + sql, String.class, params));
    }

    static void quietly(Statement s, String sql) {
        try {
            s.execute(sql);
        } catch (SQLException ignored) {
            // only used for best-effort clean-up
        }
    }
}
