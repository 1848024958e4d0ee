package org.wushe.platform.spreadsheet;

/** Limits every spreadsheet import obeys: file size, data rows, and the zip-bomb guards of xlsx. */
public final class ImportLimits {

    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final int MAX_ROWS = 100_000;
    /** An xlsx part may not inflate more than 1:100 (a zip bomb does far more). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** No single xlsx part may inflate beyond this. */
    static final long MAX_ENTRY_SIZE = 200L * 1024 * 1024;

    private ImportLimits() {}
}
