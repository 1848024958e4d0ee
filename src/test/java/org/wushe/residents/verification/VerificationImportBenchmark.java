package org.wushe.residents.verification;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheApplication;
import org.wushe.platform.database.DatabaseOwner;
import org.wushe.privacy.CryptoService;
import org.wushe.region.Regions;

/**
 * Not a test (no {@code *Tests} name, so {@code ./mvnw verify} never runs it): imports an N-row csv list (default
 * 1,000,000; 1 % bad rows) into a fresh campaign and compares it with a raw {@code COPY} of the same file into a
 * bare table with the task table's indexes, on the same embedded PostgreSQL in the same run. Prints rows/s, the
 * ratio, the peak heap and the cost of the encryption alone. Run with -Xmx1g (see README, "Verification
 * campaigns"):
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -Dwushe.embedded-db.data-dir=target/bench-postgres -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      org.wushe.residents.verification.VerificationImportBenchmark 1000000
 * </pre>
 */
public final class VerificationImportBenchmark {

    private VerificationImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        ConfigurableApplicationContext app = SpringApplication.run(
                WusheApplication.class,
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.org.wushe.residents=INFO");
        try {
            run(app, rows);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, int rows) throws Exception {
        VerificationCampaigns campaigns = app.getBean(VerificationCampaigns.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        VerificationTestData.loadCommunities(app.getBean(Regions.class));
        List<String> codes = jdbc.sql("select code from region_region where code like '310101%' and length(code) = 12"
                        + " order by code")
                .query(String.class)
                .list();

        Path file = Files.createTempFile("verification-bench", ".csv");
        long bad = write(file, rows, codes);
        long bytes = Files.size(file);
        System.out.printf("%nList: %,d rows (%,d bad), %,d bytes, %d communities%n", rows, bad, bytes, codes.size());

        // 1. the import, end to end (upload copy, parse, validate, encrypt, COPY, match + insert, commit)
        long campaign = VerificationTestData.HUANGPU.call(() -> campaigns.create(new CampaignDraft(
                VerificationTestData.campaignName("基准"),
                "基准测试",
                "310101",
                LocalDate.now().plusDays(1).toString())));
        System.gc();
        resetPeaks();
        long started = System.nanoTime();
        UUID id;
        try (InputStream in = Files.newInputStream(file)) {
            id = VerificationTestData.HUANGPU.call(() -> campaigns.startImport(campaign, "bench.csv", in));
        }
        ImportStatus status = VerificationTestData.await(VerificationTestData.HUANGPU, campaigns, id, 3_600_000);
        double importSeconds = (System.nanoTime() - started) / 1e9;
        long peakHeap = peakHeap();
        System.out.printf(
                "Import: %s, %,d read, %,d tasks, %,d rejected in %.1f s = %,.0f rows/s; peak heap %,d MB%n",
                status.state(),
                status.rowsRead(),
                status.tasksCreated(),
                status.rowsRejected(),
                importSeconds,
                rows / importSeconds,
                peakHeap / (1024 * 1024));

        // 2. the same list again (idempotent: nothing to encrypt or insert)
        started = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            id = VerificationTestData.HUANGPU.call(() -> campaigns.startImport(campaign, "bench.csv", in));
        }
        ImportStatus again = VerificationTestData.await(VerificationTestData.HUANGPU, campaigns, id, 3_600_000);
        double againSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "Re-import: %,d created, %,d existing in %.1f s = %,.0f rows/s%n",
                again.tasksCreated(), again.tasksExisting(), againSeconds, rows / againSeconds);

        // 3. the ceiling: raw COPY of the same file into a bare (logged, like the task table) table with the task
        // table's indexes
        // the ceiling's table is created as the owner role: the application role may not create tables
        DataSource dataSource = DatabaseOwner.dataSource(app);
        JdbcClient owner = JdbcClient.create(dataSource);
        owner.sql("drop table if exists bench_raw_list").update();
        owner.sql("create table bench_raw_list (name text, id_number text, phone text, address text,"
                        + " category text, source text, community_code varchar(12) collate \"C\")")
                .update();
        owner.sql("create index on bench_raw_list (id_number)")
                .update(); // identity index (not unique: bad rows repeat)
        owner.sql("create index on bench_raw_list (community_code)").update();
        started = System.nanoTime();
        long copied;
        try (Connection c = dataSource.getConnection();
                Reader in = Files.newBufferedReader(file)) {
            copied = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy bench_raw_list from stdin (format csv, header true)", in);
        }
        double copySeconds = (System.nanoTime() - started) / 1e9;
        owner.sql("drop table bench_raw_list").update();
        System.out.printf("Raw COPY: %,d rows in %.1f s = %,.0f rows/s%n", copied, copySeconds, copied / copySeconds);
        System.out.printf(
                "Ratio import / raw COPY: %.3f (re-import %.3f)%n",
                copySeconds / importSeconds, copySeconds / againSeconds);

        // 4. where the time goes: the encryption and blind index alone, same values, one thread
        CryptoService crypto = app.getBean(CryptoService.class);
        started = System.nanoTime();
        for (int i = 1; i <= rows; i++) {
            String idNumber = VerificationTestData.idNumber(8, i);
            crypto.blindIndex("resident_id", idNumber);
            crypto.encrypt(idNumber, "residents_verification_task", "id_number_cipher");
            crypto.encrypt("13812345678", "residents_verification_task", "phone_cipher");
        }
        double cryptoSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "Crypto alone (1 blind index + 2 SM4-GCM per row): %.1f s = %,.0f rows/s%n",
                cryptoSeconds, rows / cryptoSeconds);
        Files.deleteIfExists(file);
    }

    /** Writes the list (fixed seed; 1 % bad rows of four kinds); returns the number of bad rows. */
    static long write(Path file, int rows, List<String> codes) throws Exception {
        Random random = new Random(2022);
        String[] categories = {"低保", "特困", "独居老人", "高龄老人", ""};
        long bad = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(VerificationTestData.HEADER);
            for (int i = 1; i <= rows; i++) {
                String id = VerificationTestData.idNumber(9, i);
                String community = codes.get(random.nextInt(codes.size()));
                String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
                if (i % 100 == 50) {
                    bad++;
                    switch (i / 100 % 4) {
                        case 0 -> id = VerificationTestData.wrongCheck(id);
                        case 1 -> phone = "12345";
                        case 2 -> community = "310104003001";
                        default -> id = VerificationTestData.idNumber(9, i - 1);
                    }
                }
                out.write("居民" + i + "," + id + "," + phone + ",黄浦区某路" + random.nextInt(3000) + "弄"
                        + random.nextInt(40) + "号," + categories[random.nextInt(categories.length)] + ",街道摸排,"
                        + community + "\n");
            }
        }
        return bad;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap.add(pool);
            }
        }
        return heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
