package org.wushe.platform.database;

import static org.wushe.platform.database.CatalogQueries.ident;
import static org.wushe.platform.database.CatalogQueries.intOf;
import static org.wushe.platform.database.CatalogQueries.strings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the application role may do, granted by the owner after every migration run (also when nothing was
 * pending), so it holds for tables a later migration adds and cannot drift: read and write every table and
 * sequence of the schema, except that
 * <ul>
 * <li>the audit module's tables ({@code audit_*}) are append-only: SELECT and INSERT, never UPDATE, DELETE or
 * TRUNCATE. {@value #AUDIT_STAGING} keeps DELETE: the chain writer moves its rows into {@code audit_entry};</li>
 * <li>Flyway's history is read-only;</li>
 * <li>on PostgreSQL 17, MAINTAIN on the other tables, because a non-owner's {@code ANALYZE} after a bulk load is
 * otherwise skipped with a mere warning.</li>
 * </ul>
 * The owner keeps every right (a table's owner always does): the append-only triggers still stop it, and the
 * chain's verification finds what it does with them switched off.
 */
final class ApplicationRoleGrants implements Callback {

    static final String AUDIT_STAGING = "audit_pending";
    static final String AUDIT_ID_SEQUENCE = "audit_entry_id_seq";
    private static final Logger log = LoggerFactory.getLogger(ApplicationRoleGrants.class);

    private final String appRole;

    /** {@code appRole} null: one role does everything, there is nothing to grant. */
    ApplicationRoleGrants(String appRole) {
        this.appRole = appRole;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return appRole != null && event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            apply(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot grant the application role " + appRole + " its rights", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "wushe-application-role-grants";
    }

    void apply(Connection owner) throws SQLException {
        String app = ident(appRole);
        try (Statement s = owner.createStatement()) {
            warnIfPrivileged(s);
            boolean maintain = intOf(s, "select current_setting('server_version_num')::int") >= 170000;
            List<String> sql = new ArrayList<>(List.of(
                    "grant select, insert, update, delete on all tables in schema public to " + app,
                    "grant usage, select on all sequences in schema public to " + app,
                    "revoke insert, update, delete, truncate on flyway_schema_history from " + app));
            if (maintain) {
                sql.add("grant maintain on all tables in schema public to " + app);
                sql.add("revoke maintain on flyway_schema_history from " + app);
            }
            for (String table : strings(
                    s,
                    "select format('%I', c.relname) from pg_class c join pg_namespace n"
                            + " on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p')"
                            + " and c.relname like 'audit\\_%'")) {
                String refused = table.equals(AUDIT_STAGING) ? "update, truncate" : "update, delete, truncate";
                sql.add("revoke " + refused + (maintain ? ", maintain" : "") + ", references, trigger on " + table
                        + " from " + app);
            }
            // a ledger (a table named *_ledger) is append-only for the application: counted figures cannot be
            // edited where they are kept, only corrected by a new row
            for (String table : strings(
                    s,
                    "select format('%I', c.relname) from pg_class c join pg_namespace n"
                            + " on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p')"
                            + " and c.relname like '%\\_ledger'")) {
                sql.add("revoke update, delete, truncate" + (maintain ? ", maintain" : "") + " on " + table + " from "
                        + app);
            }
            // the chain writer moves the id sequence up to the last id it wrote (setval), so that removed newest
            // rows leave a visible gap; it draws no ids from it (ids are last id + 1 under the chain's lock)
            if (intOf(s, "select count(*) from pg_class where relname = '" + AUDIT_ID_SEQUENCE + "' and relkind = 'S'")
                    > 0) {
                sql.add("grant update on sequence " + AUDIT_ID_SEQUENCE + " to " + app);
            }
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** An external database's application role is the operator's: say so loudly if it can bypass all this. */
    private void warnIfPrivileged(Statement s) throws SQLException {
        try (var rs = s.executeQuery("select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls from pg_roles"
                + " where rolname = '" + appRole.replace("'", "''") + "'")) {
            if (!rs.next()) {
                throw new IllegalStateException("The application role " + appRole + " does not exist");
            }
            if (rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3) || rs.getBoolean(4)) {
                log.error(
                        "The application's database role {} is a superuser or may create roles or databases or"
                                + " bypass row security: it can defeat the append-only audit trail. Remove those attributes"
                                + " (operations guide, \"Database roles\").",
                        appRole);
            }
        }
    }
}
