package org.wushe.platform.database;

import static org.wushe.platform.database.CatalogQueries.ident;
import static org.wushe.platform.database.CatalogQueries.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two roles of the embedded cluster, created (and repaired) at every start by initdb's superuser, which is
 * used for nothing else: {@value #OWNER} runs the migrations and owns every table, {@value #APP} is what the
 * application's pool logs in as — no superuser, no CREATEROLE/CREATEDB, owner of nothing, so it can neither
 * switch the audit trail's triggers off nor run programs with {@code COPY … TO PROGRAM}. What the application
 * role may do with each table is granted after every migration ({@link ApplicationRoleGrants}).
 *
 * <p>A data directory of an earlier version (everything owned by the superuser) is upgraded here: its objects
 * are given to the owner role. {@code REASSIGN OWNED} cannot be used for that: initdb's superuser also owns the
 * system catalogs.
 */
final class ClusterRoles {

    static final String OWNER = "wushe_owner";
    static final String APP = "wushe_app";
    private static final Logger log = LoggerFactory.getLogger(ClusterRoles.class);

    private final Path dataDir;

    ClusterRoles(Path dataDir) {
        this.dataDir = dataDir;
    }

    Path ownerPasswordFile() {
        return dataDir.resolve("wushe-owner.password");
    }

    Path appPasswordFile() {
        return dataDir.resolve("wushe-app.password");
    }

    String ownerPassword() {
        return readPassword(ownerPasswordFile());
    }

    String appPassword() {
        return readPassword(appPasswordFile());
    }

    /** Creates or repairs both roles and gives the database and everything in it to the owner. */
    void ensure(Connection superuser, String database) throws SQLException {
        String ownerPassword = passwordOf(ownerPasswordFile());
        String appPassword = passwordOf(appPasswordFile());
        try (Statement s = superuser.createStatement()) {
            for (String role : List.of(OWNER, APP)) {
                s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then"
                        + " create role " + role + "; end if; end $$");
            }
            // Attributes are set every time, so a role someone widened by hand is narrowed again.
            String limited = " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit password ";
            // The two statements carry the clear passwords: this session logs no statement text, whatever the
            // server's log_statement, log_min_error_statement or log_min_duration_statement say. (The driver's
            // alterUserPassword, which sends a SCRAM verifier, computes it in Java: 100 ms a role at every start.)
            s.execute("set log_statement = 'none'; set log_min_error_statement = 'panic';"
                    + " set log_min_duration_statement = -1");
            try {
                s.execute("alter role " + OWNER + " with" + limited + literal(ownerPassword));
                s.execute("alter role " + APP + " with" + limited + literal(appPassword));
            } finally {
                s.execute("reset log_statement; reset log_min_error_statement; reset log_min_duration_statement");
            }
            // No role may lend the application role its rights (pg_execute_server_program, the owner …).
            for (String granted : strings(
                    s,
                    "select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid"
                            + " join pg_roles u on u.oid = m.member where u.rolname = '" + APP + "'")) {
                s.execute("revoke " + ident(granted) + " from " + APP);
                log.warn("Revoked role {} from {}: the application role inherits no other role", granted, APP);
            }
            s.execute("alter database " + ident(database) + " owner to " + OWNER);
            // The one extension of the migrations (V20261129_0200) that is not "trusted", so the owner may not
            // create it; its migration's "create extension if not exists" then finds it.
            s.execute("create extension if not exists earthdistance cascade");
            int moved = transferOwnership(s);
            if (moved > 0) {
                log.info("Gave {} database objects of an earlier version to the owner role {}", moved, OWNER);
            }
            // Objects the owner creates later (new migrations) are usable by the application without a grant line;
            // ApplicationRoleGrants narrows the audit tables again after each migration.
            s.execute("alter default privileges for role " + OWNER + " in schema public"
                    + " grant select, insert, update, delete on tables to " + APP);
            s.execute("alter default privileges for role " + OWNER + " in schema public"
                    + " grant usage, select on sequences to " + APP);
        }
    }

    /**
     * Gives the owner role every schema, table, view, sequence and function of the database that another role
     * owns (extension members excepted: they stay with the extension). Returns how many were moved.
     */
    private static int transferOwnership(Statement s) throws SQLException {
        List<String> statements = new ArrayList<>();
        String notOwner = "pg_get_userbyid(%s) <> '" + OWNER + "' and pg_get_userbyid(%s) <> 'pg_database_owner'";
        String userSchema = "nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'";
        String notExtensionMember = "not exists (select from pg_depend d where d.objid = %s and d.deptype = 'e')";
        for (String schema : strings(
                s,
                "select nspname from pg_namespace n where " + userSchema + " and "
                        + notOwner.formatted("nspowner", "nspowner") + " and "
                        + notExtensionMember.formatted("n.oid"))) {
            statements.add("alter schema " + ident(schema) + " owner to " + OWNER);
        }
        // Tables first: their identity and serial sequences follow them and cannot be moved on their own.
        for (String relation : strings(
                s,
                """
                select case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                      when 'f' then 'foreign table' when 'S' then 'sequence' else 'table' end
                       || ' ' || format('%I.%I', n.nspname, c.relname)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')""" + " and " + userSchema + " and "
                        + notOwner.formatted("c.relowner", "c.relowner") + " and "
                        + notExtensionMember.formatted("c.oid") + """
                 and not exists (select from pg_depend d where d.objid = c.oid and d.classid = 'pg_class'::regclass
                                 and d.refobjsubid > 0 and d.deptype in ('a', 'i'))
                order by c.relkind = 'S'""")) {
            statements.add("alter " + relation + " owner to " + OWNER);
        }
        for (String routine : strings(
                s,
                "select case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate'"
                        + " else 'function' end || ' ' || p.oid::regprocedure from pg_proc p join pg_namespace n"
                        + " on n.oid = p.pronamespace where " + userSchema + " and "
                        + notOwner.formatted("p.proowner", "p.proowner") + " and "
                        + notExtensionMember.formatted("p.oid"))) {
            statements.add("alter " + routine + " owner to " + OWNER);
        }
        for (String statement : statements) {
            s.execute(statement);
        }
        return statements.size();
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The role's password from its owner-only file, created with a new random password on the first start. */
    private static String passwordOf(Path file) {
        if (!Files.exists(file)) {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(
                        file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the password file " + file, e);
            }
        }
        return readPassword(file);
    }

    private static String readPassword(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "The database password file " + file + " cannot be read; it is"
                            + " created at the first start and must stay beside pgdata/.",
                    e);
        }
    }
}
