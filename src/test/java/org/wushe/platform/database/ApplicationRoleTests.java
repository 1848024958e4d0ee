package org.wushe.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheIntegrationTest;

/**
 * The application's pool logs in as a role that cannot defeat the audit trail or reach the operating system, even
 * through an SQL injection: each attempt below is refused by PostgreSQL itself.
 */
@WusheIntegrationTest
class ApplicationRoleTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Test
    void thePoolLogsInAsTheApplicationRoleWhichHasNoPowersAndOwnsNothing() {
        assertThat(((HikariDataSource) dataSource).getUsername()).isEqualTo(ClusterRoles.APP);
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(ClusterRoles.APP);
        Map<String, Object> role = jdbc.sql("select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls"
                        + " from pg_roles where rolname = current_user")
                .query()
                .singleRow();
        assertThat(role)
                .containsOnlyKeys("rolsuper", "rolcreaterole", "rolcreatedb", "rolreplication", "rolbypassrls")
                .allSatisfy((name, value) -> assertThat(value).as(name).isEqualTo(false));
        assertThat(jdbc.sql("select count(*) from pg_class where relowner = (select oid from pg_roles"
                                + " where rolname = current_user)")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from pg_auth_members where member = (select oid from pg_roles"
                                + " where rolname = current_user)")
                        .query(Long.class)
                        .single())
                .as("member of no role")
                .isZero();
        assertThat(jdbc.sql("select pg_get_userbyid(relowner) from pg_class where relname = 'audit_entry'")
                        .query(String.class)
                        .single())
                .isEqualTo(ClusterRoles.OWNER);
    }

    @Test
    void theApplicationRoleCannotDefeatTheAuditTrailOrRunPrograms() {
        assertRefused("alter table audit_entry disable trigger user", "must be owner of table audit_entry");
        assertRefused("alter table audit_entry disable trigger all", "must be owner of table audit_entry");
        assertRefused("set session_replication_role = replica", "permission denied to set parameter");
        assertRefused("update audit_entry set actor = actor", "permission denied for table audit_entry");
        assertRefused("delete from audit_entry", "permission denied for table audit_entry");
        assertRefused("truncate audit_entry", "permission denied for table audit_entry");
        assertRefused("update audit_pending set actor = actor", "permission denied for table audit_pending");
        assertRefused("drop trigger audit_entry_no_update on audit_entry", "must be owner of relation audit_entry");
        assertRefused(
                "create or replace function audit_entry_refuse_change() returns trigger language plpgsql"
                        + " as $$ begin return new; end $$",
                "permission denied for schema public");
        assertRefused("copy (select 1) to program 'id'", "permission denied to COPY to or from an external program");
        assertRefused("copy audit_entry from program 'id'", "permission denied to COPY to or from an external program");
        assertRefused("copy (select 1) to '/tmp/wushe-role-test'", "permission denied to COPY to a file");
        assertRefused("create role intruder superuser", "permission denied to create role");
        assertRefused("alter role current_user superuser", "permission denied to alter role");
        assertRefused("grant " + ClusterRoles.OWNER + " to current_user", "permission denied to grant role");
        assertRefused("create table public.intruder (i int)", "permission denied for schema public");
        assertRefused("create schema intruder", "permission denied for database");
        assertRefused("delete from flyway_schema_history", "permission denied for table flyway_schema_history");
        assertRefused("alter system set fsync = off", "permission denied to set parameter");
    }

    @Test
    void theApplicationRoleHasWhatTheApplicationNeeds() {
        // the chain writer moves staged audit rows, imports analyse their staging table, sessions come and go
        assertThat(privileges("audit_pending")).containsExactly(true, true, false, true, false);
        assertThat(privileges("audit_entry")).containsExactly(true, true, false, false, false);
        assertThat(privileges("spring_session")).containsExactly(true, true, true, true, false);
        assertThat(privileges("event_publication")).containsExactly(true, true, true, true, false);
        // a ledger (*_ledger) is append-only; its roll-ups are rebuilt from it, so those may change
        assertThat(privileges("statistics_service_ledger")).containsExactly(true, true, false, false, false);
        assertThat(privileges("statistics_daily_rollup")).containsExactly(true, true, true, true, false);
        assertThat(jdbc.sql("select has_table_privilege('residents_verification_staging', 'MAINTAIN')")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select has_sequence_privilege('audit_entry_id_seq', 'USAGE')")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private Object[] privileges(String table) {
        return jdbc.sql("select has_table_privilege(:t, 'SELECT'), has_table_privilege(:t, 'INSERT'),"
                        + " has_table_privilege(:t, 'UPDATE'), has_table_privilege(:t, 'DELETE'),"
                        + " has_table_privilege(:t, 'TRUNCATE')")
                .param("t", table)
                .query((rs, n) -> new Object[] {
                    rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)
                })
                .single();
    }

    private void assertRefused(String sql, String reason) {
        assertThatThrownBy(() -> jdbc.sql(sql).update())
                .as(sql)
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining(reason);
    }
}
