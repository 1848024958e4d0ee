package org.wushe.platform.spreadsheet;

import org.wushe.shared.InvalidValueException;

/** The file as a whole cannot be imported (too large, too many rows, not csv/xlsx, damaged); nothing is written. */
public final class ImportFileException {

    private ImportFileException() {}

    static InvalidValueException of(String key, Object... args) {
        return new InvalidValueException(key, args);
    }
}
