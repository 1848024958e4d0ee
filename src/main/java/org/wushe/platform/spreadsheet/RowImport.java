package org.wushe.platform.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.wushe.shared.InvalidValueException;

/**
 * Runs one import for any entity: maps the header to the entity's columns, validates every row, checks the
 * entity's unique key (blind index, credit code) within the file and — a chunk at a time — against the database,
 * writes each chunk's valid rows and streams every rejected row into the error workbook in file order. Memory
 * stays bounded: one chunk of rows, the keys seen so far, and the error workbook's SXSSF window.
 */
public final class RowImport<T> {

    static final int CHUNK = 1000;

    /** What one kind of record contributes to an import. */
    public interface Entity<T> {

        /** Column keys in template order. */
        List<String> columns();

        /** The Chinese header of a column. */
        String header(String column);

        List<String> requiredColumns();

        /** Validates one row (cells by column key, stripped); reports each bad field; value null when invalid. */
        Checked<T> check(Map<String, String> cells, Problems problems);

        /** The column a duplicate key is reported under. */
        String keyColumn();

        InvalidValueException duplicateInFile(int firstRow);

        /** Which of these keys the database already holds. */
        Set<ByteBuffer> taken(List<ByteBuffer> keys);

        InvalidValueException takenProblem();

        /** Writes valid rows (inside the import's transaction). */
        void write(List<T> values);
    }

    /** A checked row: its value (null when invalid) and its unique key (null when it has none). */
    public record Checked<T>(T value, ByteBuffer key) {}

    @FunctionalInterface
    public interface Problems {
        void add(String column, InvalidValueException problem);
    }

    @FunctionalInterface
    public interface Progress {
        void update(long read, long written, long rejected);
    }

    public record Result(long read, long written, long rejected, byte[] errorWorkbook) {}

    private record Row<T>(int number, List<String> cells, T value, ByteBuffer key, List<String> reasons) {}

    private final Entity<T> entity;
    private final Function<InvalidValueException, String> text;
    private final String reasonHeader;
    private final Progress progress;
    private final int[] columnOf;
    private final Map<ByteBuffer, Integer> seen = new HashMap<>();
    private final List<Row<T>> chunk = new ArrayList<>(CHUNK);
    private ErrorWorkbook errors;
    private List<String> header;
    private long read;
    private long written;
    private long rejected;

    private RowImport(
            Entity<T> entity, Function<InvalidValueException, String> text, String reasonHeader, Progress progress) {
        this.entity = entity;
        this.text = text;
        this.reasonHeader = reasonHeader;
        this.progress = progress;
        this.columnOf = new int[entity.columns().size()];
    }

    /**
     * @param text renders a problem (Chinese) for the 错误原因 column
     * @throws InvalidValueException when the file as a whole is refused (limits, format, missing columns)
     */
    public static <T> Result run(
            String filename,
            InputStream content,
            Entity<T> entity,
            Function<InvalidValueException, String> text,
            String reasonHeader,
            Progress progress)
            throws IOException {
        RowImport<T> run = new RowImport<>(entity, text, reasonHeader, progress);
        try {
            SpreadsheetReader.read(filename, content, run.handler());
            run.flush();
            return new Result(run.read, run.written, run.rejected, run.errors == null ? null : run.errors.toBytes());
        } finally {
            if (run.errors != null) {
                run.errors.close();
            }
        }
    }

    private RowHandler handler() {
        return new RowHandler() {
            @Override
            public void header(List<String> cells) {
                mapHeader(cells);
            }

            @Override
            public void row(int rowNumber, List<String> cells) {
                check(rowNumber, cells);
                if (chunk.size() >= CHUNK) {
                    flush();
                }
            }
        };
    }

    private void mapHeader(List<String> cells) {
        header = cells;
        List<String> stripped =
                cells.stream().map(c -> c == null ? "" : c.strip()).toList();
        List<String> columns = entity.columns();
        for (int i = 0; i < columns.size(); i++) {
            columnOf[i] = stripped.indexOf(entity.header(columns.get(i)));
        }
        List<String> missing = entity.requiredColumns().stream()
                .filter(c -> columnOf[columns.indexOf(c)] < 0)
                .map(entity::header)
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidValueException("import.file.columns", String.join("、", missing));
        }
    }

    private void check(int rowNumber, List<String> cells) {
        List<String> columns = entity.columns();
        Map<String, String> cell = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            int c = columnOf[i];
            cell.put(
                    columns.get(i),
                    c >= 0 && c < cells.size() && cells.get(c) != null
                            ? cells.get(c).strip()
                            : "");
        }
        List<String> reasons = new ArrayList<>();
        Checked<T> checked = entity.check(cell, (column, problem) -> reasons.add(reason(column, problem)));
        if (checked.key() != null) {
            Integer first = seen.putIfAbsent(checked.key(), rowNumber);
            if (first != null) {
                reasons.add(reason(entity.keyColumn(), entity.duplicateInFile(first)));
            }
        }
        read++;
        chunk.add(new Row<>(rowNumber, cells, reasons.isEmpty() ? checked.value() : null, checked.key(), reasons));
    }

    /** Checks the chunk's keys against the database, writes its valid rows, reports the others in file order. */
    private void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        List<ByteBuffer> keys = chunk.stream()
                .filter(r -> r.value() != null && r.key() != null)
                .map(Row::key)
                .toList();
        Set<ByteBuffer> taken = keys.isEmpty() ? Set.of() : entity.taken(keys);
        List<T> valid = new ArrayList<>();
        for (Row<T> row : chunk) {
            if (row.value() != null && row.key() != null && taken.contains(row.key())) {
                row.reasons().add(reason(entity.keyColumn(), entity.takenProblem()));
            }
            if (row.reasons().isEmpty()) {
                valid.add(row.value());
            } else {
                reject(row);
            }
        }
        if (!valid.isEmpty()) {
            entity.write(valid);
        }
        written += valid.size();
        chunk.clear();
        progress.update(read, written, rejected);
    }

    private void reject(Row<T> row) {
        if (errors == null) {
            // the localiser of the problems also names the source-row column, in the same language
            errors = new ErrorWorkbook(
                    header, reasonHeader, text.apply(new InvalidValueException(ErrorWorkbook.SOURCE_ROW_HEADER)));
        }
        errors.add(row.number(), row.cells(), String.join("；", row.reasons()));
        rejected++;
    }

    private String reason(String column, InvalidValueException problem) {
        return entity.header(column) + "：" + text.apply(problem);
    }
}
