package org.wushe.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.wushe.access.Role;
import org.wushe.residents.verification.CampaignDraft;
import org.wushe.residents.verification.ImportStatus;
import org.wushe.residents.verification.VerificationCampaigns;

/**
 * P2: a verification campaign's list (重点群体摸排) of N rows as csv, imported through the campaign façade as the
 * civil-affairs administrator of the district (validation, ID-number blind index and SM4 encryption, community
 * check, de-duplication within the file and against the campaign, one task per person, staff told), timed
 * from upload to the DONE state; compared with raw COPY of the same file into a bare table with the task
 * table's indexes. The list has 1 % rows with a wrong check digit and 1 % repeating an earlier person.
 * The JVM's heap is capped (-Xmx1g for application and harness together); its peak is reported.
 */
final class ListImportScenario {

    static final List<String> HEADER = List.of("姓名", "身份证号", "手机号", "地址", "类别", "来源", "社区代码");
    private static final List<String> COPY_COLUMNS =
            List.of("name", "id_number", "phone", "address", "category", "source", "community_code");
    /** residents_verification_task's indexes (campaign, ID number) and (campaign, community, id) on text. */
    private static final List<String> COPY_INDEXES =
            List.of("create index on {table} (id_number)", "create index on {table} (community_code)");

    private static final String[] CATEGORIES = {"低保", "特困", "独居老人", "空巢老人", "高龄老人", "残疾人", "慢病患者", "血透患者"};

    private final ApplicationContext context;
    private final BenchDatabase db;
    private final Baselines baselines;
    private final DataGenerator generator;
    private final BenchSettings settings;

    ListImportScenario(
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

    List<Measurement> run(int rows, String district, List<String> communities) throws Exception {
        VerificationCampaigns campaigns = context.getBean(VerificationCampaigns.class);
        BenchStaff admin = BenchStaff.as("bench-campaigner", Role.CIVIL_AFFAIRS_ADMIN, district);
        List<String> names = generator.names(3_000);
        List<String> streets = generator.streets(1_000);
        Path csv = settings.out().resolve("data/verification-list-" + rows + ".csv");
        int[] bad = new int[1];
        DataGenerator.writeCsv(csv, HEADER, () -> rowsOf(rows, names, streets, communities, bad));
        if (settings.warmupImportRows() > 0) {
            Path warm = settings.out().resolve("data/verification-list-warmup.csv");
            DataGenerator.writeCsv(
                    warm, HEADER, () -> rowsOf(settings.warmupImportRows(), names, streets, communities, new int[1]));
            importAndWait(campaigns, admin, campaign(campaigns, admin, district, "预热"), warm);
        }
        long campaign = campaign(campaigns, admin, district, "基准");
        db.resetStatements();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long began = System.nanoTime();
        ImportStatus status = importAndWait(campaigns, admin, campaign, csv);
        double seconds = (System.nanoTime() - began) / 1e9;
        long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long expectedCreated = rows - bad[0];
        long errors = ("DONE".equals(status.state()) ? 0 : 1) + Math.abs(status.tasksCreated() - expectedCreated);
        Measurement copy = baselines.copy("copy-verification-list-" + rows, csv, COPY_COLUMNS, COPY_INDEXES, rows);
        Measurement m = new Measurement(
                "P2-list-import",
                "scenario",
                rows + " rows csv (" + bad[0] + " invalid or duplicate)",
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
                "VerificationCampaigns.startImport … DONE: validation, encryption,"
                        + " blind index, de-duplication, set-based task creation",
                new LinkedHashMap<>());
        m.with("status", status)
                .with("expectedTasks", expectedCreated)
                .with("peakHeapBytes", peakHeap)
                .with("maxHeapBytes", Runtime.getRuntime().maxMemory())
                .with("topStatements", db.topStatements(6));
        double ratio = m.throughput() / copy.throughput();
        return List.of(copy, m.against(copy.name(), ratio, "≥ 50 % of raw COPY rows/s with -Xmx1g", ratio >= 0.5));
    }

    private static long campaign(VerificationCampaigns campaigns, BenchStaff admin, String district, String name)
            throws Exception {
        return admin.call(() -> campaigns.create(new CampaignDraft(
                "基准测试" + name + UUID.randomUUID().toString().substring(0, 8),
                "区民政局",
                district,
                LocalDate.now().plusDays(30).toString())));
    }

    private static ImportStatus importAndWait(
            VerificationCampaigns campaigns, BenchStaff admin, long campaign, Path csv) throws Exception {
        UUID id;
        try (InputStream in = Files.newInputStream(csv)) {
            id = admin.call(
                    () -> campaigns.startImport(campaign, csv.getFileName().toString(), in));
        }
        while (true) {
            ImportStatus status = admin.call(() -> campaigns.importStatus(id));
            if (!status.running()) {
                return status;
            }
            Thread.sleep(100);
        }
    }

    private Iterator<List<String>> rowsOf(
            int rows, List<String> names, List<String> streets, List<String> communities, int[] bad) {
        Random random = generator.random("verification-list-" + rows);
        int series = rows == settings.warmupImportRows() ? 5 : 3;
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
                String community = communities.get(random.nextInt(communities.size()));
                String id = DataGenerator.idNumber(community.substring(0, 6), series, i);
                if (i % 100 == 37) {
                    id = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
                    bad[0]++;
                } else if (i % 100 == 71 && earlierId != null) {
                    id = earlierId;
                    bad[0]++;
                } else if (i % 100 == 5) {
                    earlierId = id;
                }
                return List.of(
                        names.get(random.nextInt(names.size())),
                        id,
                        DataGenerator.phone(series, i),
                        streets.get(random.nextInt(streets.size())),
                        CATEGORIES[random.nextInt(CATEGORIES.length)],
                        "区民政局",
                        community);
            }
        };
    }
}
