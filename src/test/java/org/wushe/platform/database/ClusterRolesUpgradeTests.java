package org.wushe.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory of an earlier version — migrated by initdb's superuser, so that it owns every table, and with
 * no owner or application role — is upgraded when the server starts: the owner role gets every object, the
 * application role is created, and after the next migration run it has its grants and nothing more.
 */
class ClusterRolesUpgradeTests {

    @TempDir
    Path dataDir;

    private EmbeddedPostgresServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDataDirectoryWhoseTablesBelongToTheSuperuserIsGivenToTheOwnerRole() throws Exception {
        server = start();
        makeItLookLikeAnEarlierVersion();
        server.close();
        assertThat(dataDir.resolve("wushe-app.password")).doesNotExist();

        server = start();

        try (Connection c = superuser();
                Statement s = c.createStatement()) {
            assertThat(strings(s, """
                    select c.relname || ' ' || pg_get_userbyid(c.relowner) from pg_class c
                    join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relkind in ('r', 'p', 'S', 'v', 'm')
                      and pg_get_userbyid(c.relowner) <> 'wushe_owner'
                      and not exists (select from pg_depend d where d.objid = c.oid and d.deptype = 'e')""")).isEmpty();
            assertThat(strings(s, "select pg_get_userbyid(proowner) from pg_proc where proname = 'region_prefix'"))
                    .containsExactly("wushe_owner");
            assertThat(strings(s, "select pg_get_userbyid(datdba) from pg_database where datname = 'wushe'"))
                    .containsExactly("wushe_owner");
            assertThat(strings(s, "select count(*) from audit_entry")).containsExactly("1");
        }
        migrateAsOwner(); // as the application does at each start: nothing pending, the grants are applied
        try (Connection c = app();
                Statement s = c.createStatement()) {
            s.execute(
                    "insert into audit_pending (occurred_at, actor, action, entity_type) values (now(), 'a', 'b', 'c')");
            s.execute("delete from audit_pending");
            assertThat(strings(s, "select count(*) from flyway_schema_history")).isNotEmpty();
            assertThatThrownBy(() -> s.execute("update audit_entry set actor = 'someone-else'"))
                    .hasMessageContaining("permission denied for table audit_entry");
            assertThatThrownBy(() -> s.execute("alter table audit_entry disable trigger user"))
                    .hasMessageContaining("must be owner");
        }
    }

    @Test
    void aTableALaterMigrationCreatesIsUsableByTheApplicationWithoutAGrant() throws Exception {
        server = start();
        try (Connection c = owner();
                Statement s = c.createStatement()) {
            s.execute("create table later_feature (id bigint generated always as identity primary key, note text)");
        }
        try (Connection c = app();
                Statement s = c.createStatement()) {
            s.execute("insert into later_feature (note) values ('works')");
            s.execute("update later_feature set note = 'still works'");
            assertThat(strings(s, "select note from later_feature")).containsExactly("still works");
        }
    }

    private void makeItLookLikeAnEarlierVersion() throws SQLException {
        try (Connection c = superuser();
                Statement s = c.createStatement()) {
            s.execute("alter database wushe owner to wushe");
        }
        Flyway.configure()
                .dataSource(server.jdbcUrl(), server.username(), server.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection c = superuser();
                Statement s = c.createStatement()) {
            s.execute("insert into audit_entry (id, occurred_at, actor, action, entity_type, hash, chain_version)"
                    + " values (nextval('audit_entry_id_seq'), now(), 'old', 'LOGIN', 'account', sha256('x'), 1)");
            s.execute("drop owned by wushe_app, wushe_owner");
            s.execute("drop role wushe_app");
            s.execute("drop role wushe_owner");
        }
        assertThat(List.of("wushe-owner.password", "wushe-app.password")).allSatisfy(f -> {
            try {
                Files.delete(dataDir.resolve(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void migrateAsOwner() {
        Flyway.configure()
                .dataSource(server.jdbcUrl(), server.ownerUsername(), server.ownerPassword())
                .locations("classpath:db/migration")
                .callbacks(new ApplicationRoleGrants(server.appUsername()))
                .load()
                .migrate();
    }

    private EmbeddedPostgresServer start() {
        return EmbeddedPostgresServer.start(
                new EmbeddedPostgresProperties(dataDir, 0, false, false, Duration.ofSeconds(60)));
    }

    private Connection superuser() throws SQLException {
        return server.connect("wushe");
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.ownerUsername(), server.ownerPassword());
    }

    private Connection app() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.appUsername(), server.appPassword());
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
