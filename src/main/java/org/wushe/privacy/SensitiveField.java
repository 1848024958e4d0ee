package org.wushe.privacy;

import org.wushe.shared.RegionCode;

/**
 * One sensitive field of one record, as the audit trail names it.
 *
 * @param entityType e.g. {@code resident}, {@code account}
 * @param entityId   the record's id as text
 * @param regionCode the region the record belongs to (decides who may read the audit row), may be null
 * @param fieldName  e.g. {@code id_number}, {@code phone}
 */
public record SensitiveField(String entityType, String entityId, RegionCode regionCode, String fieldName) {

    public SensitiveField {
        if (isBlank(entityType) || isBlank(entityId) || isBlank(fieldName)) {
            throw new IllegalArgumentException("entityType, entityId and fieldName are required");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
