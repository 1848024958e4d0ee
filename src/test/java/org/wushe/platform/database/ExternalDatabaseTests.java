package org.wushe.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With WUSHE_DB_URL (spring.datasource.url) set, Wushe starts no server of its own and runs the same
 * migrations and data load on the given database. A separate PostgreSQL stands in for the external one, with
 * the two roles of the operations guide: the migrations run as WUSHE_DB_OWNER_USER, the pool as WUSHE_DB_USER.
 */
@SpringBootTest
@DirtiesContext
class ExternalDatabaseTests {

    static EmbeddedPostgresServer external;

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) throws Exception {
        external = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(
                Files.createTempDirectory("wushe-external-db"), 0, false, false, Duration.ofSeconds(60)));
        Runtime.getRuntime().addShutdownHook(new Thread(ExternalDatabaseTests::stopExternal));
        registry.add("spring.datasource.url", external::jdbcUrl);
        registry.add("spring.datasource.username", external::appUsername);
        registry.add("spring.datasource.password", external::appPassword);
        registry.add("wushe.db.owner-user", external::ownerUsername);
        registry.add("wushe.db.owner-password", external::ownerPassword);
        // another database has another audit chain: its anchors must not land in the shared database's file
        registry.add(
                "wushe.audit.anchor-file",
                () -> external.dataDir().resolve("audit-anchors.log").toString());
    }

    /** After the context has closed (it is dirtied after this class), not before: closing needs the database. */
    static void stopExternal() {
        external.close();
        try {
            PostgresBinaries.deleteTree(external.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void usesTheConfiguredDatabaseWithTheSameMigrations() throws Exception {
        assertThat(context.getBeansOfType(EmbeddedDatabaseConfiguration.EmbeddedPostgresServerHandle.class))
                .isEmpty();
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).isEqualTo(external.jdbcUrl());
        }
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select name from region_region where code = '310101'")
                        .query(String.class)
                        .single())
                .isEqualTo("黄浦区");
        assertThat(Path.of(external.dataDir().toString(), "pgdata", "PG_VERSION"))
                .exists();
    }

    @Test
    void migratesAsTheOwnerAndServesAsTheApplicationRole() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(external.appUsername());
        assertThat(jdbc.sql("select distinct installed_by from flyway_schema_history")
                        .query(String.class)
                        .list())
                .containsExactly(external.ownerUsername());
        assertThat(jdbc.sql("select pg_get_userbyid(relowner) from pg_class where relname = 'audit_entry'")
                        .query(String.class)
                        .single())
                .isEqualTo(external.ownerUsername());
        assertThat(jdbc.sql("select has_table_privilege('audit_entry', 'UPDATE') or has_table_privilege('audit_entry',"
                                + " 'DELETE') or has_table_privilege('audit_entry', 'TRUNCATE')")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("select has_table_privilege('spring_session', 'DELETE')")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
