package org.wushe.privacy;

import java.util.List;

/**
 * The encrypted columns one module owns, declared as a bean so that key rotation reaches every one of them:
 * <pre>
 * &#64;Bean
 * EncryptedColumns residentsEncryptedColumns() {
 *     return EncryptedColumns.of("residents", EncryptedColumn.of("residents_resident", "phone_cipher", "phone"));
 * }
 * </pre>
 * A column missing here keeps values under the old key, which then cannot be dropped; {@code KeyRotationTests}
 * finds such a column by scanning every bytea column of the database.
 */
public record EncryptedColumns(String module, List<EncryptedColumn> columns) {

    public EncryptedColumns {
        columns = List.copyOf(columns);
    }

    public static EncryptedColumns of(String module, EncryptedColumn... columns) {
        return new EncryptedColumns(module, List.of(columns));
    }
}
