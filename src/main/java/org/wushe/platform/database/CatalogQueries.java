package org.wushe.platform.database;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for the role, grant and backup code, which runs before (or outside) Spring's data access. */
final class CatalogQueries {

    private CatalogQueries() {}

    /** The first column of every row. */
    static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The first column of the one row. */
    static int intOf(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** An SQL identifier, quoted: role and table names go into statements that take no parameters. */
    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
