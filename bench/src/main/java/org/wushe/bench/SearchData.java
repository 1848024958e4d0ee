package org.wushe.bench;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@code bench.search}: N rows of (id, region code, name, address, created_at) built set-wise — Datafaker pools
 * of a few thousand names and streets in small tables, multiplied by {@code generate_series} with deterministic
 * picks — over Shanghai's real streets and towns. It carries what a worklist carries: a primary key, a
 * (region_code, id) b-tree for scoped pages and a GIN trigram index for substring search.
 */
final class SearchData {

    final int rows;
    final List<String> names;
    final List<String> streets;
    final List<String> regions;

    private SearchData(int rows, List<String> names, List<String> streets, List<String> regions) {
        this.rows = rows;
        this.names = names;
        this.streets = streets;
        this.regions = regions;
    }

    /** The Datafaker pools and Shanghai's streets as small tables (created once per run). */
    static SearchData pools(BenchDatabase db, DataGenerator generator) throws Exception {
        List<String> names = generator.names(5_000);
        List<String> streets = generator.streets(3_000);
        List<String> regions = db.jdbc.queryForList(
                "select code from region_region where code like '31%' and length(code) = 9 order by code",
                String.class);
        if (regions.isEmpty()) {
            throw new IllegalStateException("no Shanghai streets in region_region: the region data is not loaded");
        }
        if (db.jdbc.queryForObject("select to_regclass('bench.pool_name') is null", Boolean.class)) {
            db.execute(
                    "create table bench.pool_name (i int primary key, v text not null)",
                    "create table bench.pool_street (i int primary key, v text not null)",
                    "create table bench.pool_region (i int primary key, code varchar(12) collate \"C\" not null, name text)");
            db.copy("copy bench.pool_name from stdin (format csv)", indexed(names));
            db.copy("copy bench.pool_street from stdin (format csv)", indexed(streets));
            db.execute("""
                    insert into bench.pool_region
                    select (row_number() over (order by code))::int - 1, code, name
                    from region_region where code like '31%' and length(code) = 9""");
        }
        return new SearchData(0, names, streets, regions);
    }

    static SearchData create(BenchDatabase db, DataGenerator generator, int rows) throws Exception {
        SearchData pools = pools(db, generator);
        List<String> names = pools.names;
        List<String> streets = pools.streets;
        List<String> regions = pools.regions;
        db.execute("""
                create table bench.search (
                    id          bigint primary key,
                    region_code varchar(12) collate "C" not null,
                    name        text not null,
                    address     text not null,
                    created_at  timestamptz not null)""");
        long began = System.nanoTime();
        // Multiplicative hashing spreads rows over regions, names and streets; the same N gives the same table.
        db.jdbc.update("""
                insert into bench.search
                select g, r.code, n.v, r.name || s.v || (g % 30 + 1) || '楼' || (g % 600 + 101) || '室',
                       timestamptz '2022-03-01 00:00+08' + (g % 5000000) * interval '1 second'
                from generate_series(1::bigint, ?::bigint) g
                join bench.pool_region r on r.i = (g * 2654435761) % ?
                join bench.pool_name n on n.i = (g * 40503 + 7) % ?
                join bench.pool_street s on s.i = (g * 65599 + 3) % ?""", rows, regions.size(), names.size(), streets.size());
        db.execute(
                "create index on bench.search (region_code, id)",
                "create index bench_search_address_trgm on bench.search using gin (address gin_trgm_ops)",
                "create index bench_search_name_trgm on bench.search using gin (name gin_trgm_ops)",
                "analyze bench.search");
        long millis = (System.nanoTime() - began) / 1_000_000;
        LoggerFactory.getLogger(SearchData.class)
                .info("bench.search: {} rows generated and indexed in {} ms", rows, millis);
        return new SearchData(rows, names, streets, regions);
    }

    private static Reader indexed(List<String> values) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            csv.append(i).append(',').append(values.get(i)).append('\n');
        }
        return new StringReader(csv.toString());
    }
}
