package org.wushe.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationContext;
import org.wushe.access.Role;
import org.wushe.directory.imports.ImportSummary;
import org.wushe.directory.imports.SpreadsheetImports;

/**
 * The social-worker import of the directory (the import that exists today), through its façade as a
 * city-wide civil-affairs administrator: a deterministic CSV in the template's columns with 1 % rows whose ID
 * number has a wrong check digit and 1 % repeating an earlier row's ID number, so validation and de-duplication
 * do real work; compared with raw COPY of the same file into a bare table with the same indexes.
 */
final class DirectoryImportScenario {

    static final List<String> HEADER =
            List.of("姓名", "身份证号", "手机号", "职业资格", "证书编号", "专长领域", "是否党员", "报到社区", "在岗状态", "所属区划", "所属机构", "服务区划");
    private static final List<String> COPY_COLUMNS = List.of(
            "name",
            "id_number",
            "phone",
            "qualification",
            "certificate_no",
            "specialties",
            "party_member",
            "reported_community",
            "availability",
            "region_code",
            "organisations",
            "served_regions");
    /** The indexes of directory_social_worker (V20261129_0510), on the bare table's text columns. */
    private static final List<String> COPY_INDEXES = List.of(
            "create index on {table} (id_number)",
            "create index on {table} (region_code)",
            "create index on {table} (phone)",
            "create index on {table} using gin (name gin_trgm_ops)");

    private static final String[] QUALIFICATIONS = {"助理社工师", "社工师", "高级社工师", "无"};
    private static final String[] SPECIALTIES = {"MEDICAL", "COMMUNITY", "ELDERLY、PSYCHOLOGICAL", "CHILD_YOUTH", ""};

    private final ApplicationContext context;
    private final BenchDatabase db;
    private final Baselines baselines;
    private final DataGenerator generator;
    private final BenchSettings settings;

    DirectoryImportScenario(
            ApplicationContext context,
            BenchDatabase db,
            Baselines baselines,
            DataGenerator generator,
            BenchSettings settings) {
        this.context = context;
        this.db = db;
        this.baselines = baselines;
        this.generator = generator;
        this.settings = settings;
    }

    List<Measurement> run(List<String> streets) throws Exception {
        List<Measurement> out = new ArrayList<>();
        List<String> names = generator.names(3_000);
        if (settings.warmupImportRows() > 0) {
            Path warm = settings.out().resolve("data/social-workers-warmup.csv");
            DataGenerator.writeCsv(
                    warm, HEADER, () -> rowsOf(settings.warmupImportRows(), 9, names, streets, new int[1]));
            var importer = socialWorkerImports(context);
            try (InputStream in = Files.newInputStream(warm)) {
                BenchStaff.as("bench-importer", Role.CIVIL_AFFAIRS_ADMIN, "310000")
                        .call(() -> importer.importFile(warm.getFileName().toString(), in));
            }
        }
        int series = 1;
        for (int rows : settings.socialWorkerRows()) {
            Path csv = settings.out().resolve("data/social-workers-" + rows + ".csv");
            int[] bad = new int[1];
            int fileSeries = series;
            DataGenerator.writeCsv(csv, HEADER, () -> rowsOf(rows, fileSeries, names, streets, bad));
            long expectedRejected = bad[0];
            var importer = socialWorkerImports(context);
            db.resetStatements();
            ImportSummary summary;
            long began = System.nanoTime();
            try (InputStream in = Files.newInputStream(csv)) {
                summary = BenchStaff.as("bench-importer", Role.CIVIL_AFFAIRS_ADMIN, "310000")
                        .call(() -> importer.importFile(csv.getFileName().toString(), in));
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            long errors = Math.abs(summary.rejected() - expectedRejected) + (summary.read() == rows ? 0 : 1);
            Measurement copy = baselines.copy("copy-social-workers-" + rows, csv, COPY_COLUMNS, COPY_INDEXES, rows);
            out.add(copy);
            Measurement m = new Measurement(
                    "directory-import-" + rows,
                    "scenario",
                    rows + " rows csv (" + expectedRejected + " invalid or duplicate)",
                    rows,
                    seconds,
                    rows / seconds,
                    "rows/s",
                    Measurement.Percentiles.NONE,
                    errors,
                    null,
                    null,
                    null,
                    null,
                    "SocialWorkerImports.importFile: validation, blind indexes, SM4 encryption, de-duplication, insert",
                    new LinkedHashMap<>());
            if (summary.rejected() != expectedRejected && summary.errorWorkbook() != null) {
                m.with("sampleRejections", sampleReasons(importer, summary));
            }
            m.with("written", summary.written())
                    .with("rejected", summary.rejected())
                    .with("expectedRejected", expectedRejected)
                    .with("topStatements", db.topStatements(5));
            out.add(m.against(copy.name(), m.throughput() / copy.throughput(), null, null));
            series++;
        }
        return out;
    }

    /** The social workers' import (its class is the directory's own; the bean is found by the list it imports). */
    private static SpreadsheetImports<?> socialWorkerImports(ApplicationContext context) {
        return context.getBeansOfType(SpreadsheetImports.class).values().stream()
                .filter(i -> i.kind().equals("social-workers"))
                .findFirst()
                .orElseThrow();
    }

    /** The first rejected rows' reasons (the 错误原因 column is the last), to say why counts differ. */
    private static List<String> sampleReasons(SpreadsheetImports<?> importer, ImportSummary summary) throws Exception {
        byte[] workbook = BenchStaff.as("bench-importer", Role.CIVIL_AFFAIRS_ADMIN, "310000")
                .call(() -> importer.errorWorkbook(summary.errorWorkbook()).orElseThrow());
        List<String> reasons = new ArrayList<>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            var sheet = wb.getSheetAt(0);
            for (int r = 1; r <= Math.min(8, sheet.getLastRowNum()); r++) {
                var row = sheet.getRow(r);
                reasons.add(row.getCell(row.getLastCellNum() - 1).getStringCellValue());
            }
        }
        return reasons;
    }

    private Iterator<List<String>> rowsOf(int rows, int series, List<String> names, List<String> streets, int[] bad) {
        Random random = generator.random("social-workers-" + series);
        return new Iterator<>() {
            int i = 0;
            String earlierId;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public List<String> next() {
                i++;
                String street = streets.get(random.nextInt(streets.size()));
                String id = DataGenerator.idNumber(street.substring(0, 6), series, i);
                if (i % 100 == 37) {
                    id = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
                    bad[0]++;
                } else if (i % 100 == 71 && earlierId != null) {
                    id = earlierId;
                    bad[0]++;
                } else if (i % 100 == 5) {
                    earlierId = id;
                }
                boolean party = random.nextInt(5) == 0;
                String qualification = QUALIFICATIONS[random.nextInt(QUALIFICATIONS.length)];
                String certificate = qualification.equals("无") ? "" : "SW" + series + String.format("%08d", i);
                return List.of(
                        names.get(random.nextInt(names.size())),
                        id,
                        DataGenerator.phone(series, i),
                        qualification,
                        certificate,
                        SPECIALTIES[random.nextInt(SPECIALTIES.length)],
                        party ? "是" : "否",
                        "",
                        "在岗",
                        street,
                        "",
                        street);
            }
        };
    }
}
