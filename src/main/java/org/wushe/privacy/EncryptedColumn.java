package org.wushe.privacy;

import java.util.regex.Pattern;

/**
 * A column of SM4-GCM ciphertexts that {@link ReEncryption} moves to the active key: {@code table.column}, walked
 * in order of the unique, never-changing {@code key} column, whose values were encrypted as
 * {@code crypto.encrypt(value, boundTable, boundColumn)} (the associated data; usually the table and the column
 * without {@code _cipher}). A module declares its columns as an {@link EncryptedColumns} bean.
 */
public record EncryptedColumn(String table, String column, String key, String boundTable, String boundColumn) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public EncryptedColumn {
        for (String name : new String[] {table, column, key, boundTable, boundColumn}) {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("names must be lower-case SQL identifiers");
            }
        }
    }

    /** A column of {@code table} with primary key {@code id}, encrypted as {@code (table, boundColumn)}. */
    public static EncryptedColumn of(String table, String column, String boundColumn) {
        return new EncryptedColumn(table, column, "id", table, boundColumn);
    }
}
