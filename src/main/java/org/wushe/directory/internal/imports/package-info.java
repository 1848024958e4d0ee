/**
 * Streaming spreadsheet import (xlsx/csv rows to a handler, bounded memory) and the error workbook with its red
 * 错误原因 column — exposed as the named interface {@code directory::imports} so other modules' imports (the
 * residents' verification lists) reuse the same reader and report instead of copying them.
 */
@org.springframework.modulith.NamedInterface("imports")
package org.wushe.directory.internal.imports;
