package org.wushe.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * PostgreSQL's own ceilings on this machine, measured in the same run and on the same server as the scenarios,
 * so every scenario is reported as a ratio to what the engine alone can do.
 */
final class Baselines {

    private final BenchDatabase db;
    private final BenchSettings settings;

    Baselines(BenchDatabase db, BenchSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * Raw COPY of a CSV file into a bare table of text columns carrying {@code indexes} (the same indexes the
     * product's table has), timed including the index maintenance; the table is dropped afterwards.
     */
    Measurement copy(String name, Path csv, List<String> columns, List<String> indexes, long rows) throws Exception {
        String table = "bench.copy_probe";
        db.execute("drop table if exists " + table);
        db.execute("create table " + table + " ("
                + String.join(", ", columns.stream().map(c -> c + " text").toList()) + ")");
        for (String index : indexes) {
            db.execute(index.replace("{table}", table));
        }
        long began = System.nanoTime();
        long copied;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            copied = db.copy("copy " + table + " from stdin (format csv, header true)", in);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        db.execute("drop table " + table);
        return Measurement.baseline(
                name,
                rows + " rows, " + indexes.size() + " indexes",
                copied,
                seconds,
                "rows/s",
                Measurement.Percentiles.NONE,
                copied == rows ? 0 : Math.abs(rows - copied),
                "COPY FROM STDIN (csv) into a bare table with the same indexes");
    }

    /** Single-row INSERT transactions (autocommit) by N JDBC clients, each on its own connection. */
    Measurement insertTps() throws Exception {
        db.execute("""
                create table bench.insert_probe (
                    id bigint generated always as identity primary key,
                    region_code varchar(12) collate "C" not null,
                    body text not null,
                    created_at timestamptz not null default now())""", "create index on bench.insert_probe (region_code, id)");
        String body = "{\"category\":\"MEDICINE\",\"description\":\"需要降压药，家中老人独居\"}";
        var r = ClosedLoop.run(settings.clients(), warmup(), settings.closedSeconds(), index -> {
            Connection c = db.connection();
            PreparedStatement insert =
                    c.prepareStatement("insert into bench.insert_probe (region_code, body) values (?, ?)");
            Random random = new Random(settings.seed() + index);
            return new ClosedLoop.Client() {
                @Override
                public void operate() throws Exception {
                    insert.setString(1, "310104" + String.format("%03d", random.nextInt(20) + 1));
                    insert.setString(2, body);
                    insert.executeUpdate();
                }

                @Override
                public void close() throws Exception {
                    c.close();
                }
            };
        });
        return closed(
                "insert-tps",
                settings.clients() + " clients",
                r,
                "single-row INSERT, one transaction each (autocommit), PK + one b-tree index",
                "tx/s");
    }

    /** Primary-key selects on bench.search by N clients. */
    Measurement pkSelects(SearchData data) throws Exception {
        var r = ClosedLoop.run(settings.clients(), warmup(), settings.closedSeconds(), index -> {
            Connection c = db.connection();
            PreparedStatement select = c.prepareStatement(
                    "select id, region_code, name, address, created_at from bench.search where id = ?");
            Random random = new Random(settings.seed() + 100 + index);
            return new ClosedLoop.Client() {
                @Override
                public void operate() throws Exception {
                    select.setLong(1, random.nextInt(data.rows) + 1);
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("row missing");
                        }
                    }
                }

                @Override
                public void close() throws Exception {
                    c.close();
                }
            };
        });
        return closed(
                "pk-select",
                settings.clients() + " clients, " + data.rows + " rows",
                r,
                "SELECT by primary key",
                "q/s");
    }

    /**
     * The trigram substring query alone: a street name (3+ characters, Datafaker pool) searched with LIKE
     * '%…%' under a district's range, first 20 by id — the query a worklist search boils down to.
     */
    Measurement trigram(SearchData data) throws Exception {
        Random random = new Random(settings.seed() + 200);
        var r = queries(
                settings.queryRuns(),
                () -> {
                    String street = data.streets.get(random.nextInt(data.streets.size()));
                    String term = street.substring(0, Math.min(4, street.length()));
                    String district = data.regions
                            .get(random.nextInt(data.regions.size()))
                            .substring(0, 6);
                    return new Object[] {"%" + term + "%", district, upper(district)};
                },
                "select id, name, address from bench.search where address like ? and region_code >= ? and region_code < ?"
                        + " order by id desc limit 20");
        return closed(
                "trigram-substring",
                data.rows + " rows, 1 client",
                r,
                "LIKE '%street%' in one district, GIN pg_trgm, first 20",
                "q/s");
    }

    /** The rollup query alone: counts per district (region prefix) over the whole table. */
    Measurement rollup(SearchData data) throws Exception {
        var r = queries(
                settings.rollupRuns(),
                () -> new Object[0],
                "select left(region_code, 6) as district, count(*) from bench.search group by 1 order by 1");
        return closed(
                "rollup-group-by",
                data.rows + " rows, 1 client",
                r,
                "GROUP BY region prefix (district) over every row, no pre-aggregation",
                "q/s");
    }

    String explainTrigram(SearchData data) {
        String street = data.streets.get(0);
        String district = data.regions.get(0).substring(0, 6);
        return db.explain(
                "select id, name, address from bench.search where address like ? and region_code >= ?"
                        + " and region_code < ? order by id desc limit 20",
                "%" + street.substring(0, Math.min(4, street.length())) + "%",
                district,
                upper(district));
    }

    private ClosedLoop.Result queries(int runs, Supplier<Object[]> params, String sql) throws Exception {
        Latencies latencies = new Latencies();
        long errors = 0;
        String first = null;
        long began;
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int w = 0; w < Math.max(1, runs / 10); w++) {
                run(ps, params.get());
            }
            began = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                try {
                    run(ps, params.get());
                    latencies.recordNanos(System.nanoTime() - t);
                } catch (Exception e) {
                    errors++;
                    first = first == null ? e.toString() : first;
                }
            }
        }
        return new ClosedLoop.Result(runs - errors, errors, (System.nanoTime() - began) / 1e9, latencies, first);
    }

    private static void run(PreparedStatement ps, Object[] params) throws Exception {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    private static String upper(String district) {
        return Long.toString(Long.parseLong(district) + 1);
    }

    private double warmup() {
        return Math.min(5, settings.closedSeconds() / 2.0);
    }

    private static Measurement closed(String name, String volume, ClosedLoop.Result r, String note, String unit) {
        Measurement m = Measurement.baseline(
                name, volume, r.operations(), r.seconds(), unit, r.latencies().percentiles(), r.errors(), note);
        if (r.firstError() != null) {
            m.with("firstError", r.firstError());
        }
        return m;
    }
}
