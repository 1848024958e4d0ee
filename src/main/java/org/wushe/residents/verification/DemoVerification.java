package org.wushe.residents.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.datafaker.Faker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.access.DataScope;
import org.wushe.platform.ChinaTime;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.shared.RegionCode;

/**
 * Demo mode: one verification campaign for 黄浦区 — 300 fictitious people (fixed seed) spread over the district's
 * communities, imported through the same pipeline as an upload, with about a third of the tasks already answered
 * so the progress drill-down has something to show. Idempotent: skipped when the campaign exists.
 */
@Component
@Profile("demo")
@Order(30)
class DemoVerification implements ApplicationRunner {

    static final String NAME = "2022年4月黄浦区独居老人摸排（演示）";
    static final RegionCode HUANGPU = RegionCode.parse("310101");
    private static final int PEOPLE = 300;
    private static final Logger log = LoggerFactory.getLogger(DemoVerification.class);

    private final CampaignStore campaigns;
    private final ImportStore imports;
    private final ListImport listImport;
    private final TaskStore tasks;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoVerification(
            CampaignStore campaigns,
            ImportStore imports,
            ListImport listImport,
            TaskStore tasks,
            JdbcClient jdbc,
            Clock clock) {
        this.campaigns = campaigns;
        this.imports = imports;
        this.listImport = listImport;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (campaigns.idNamed(NAME).isPresent()) {
            return;
        }
        List<String> communities = jdbc.sql("select code from region_region where code >= '310101' and code < '310102'"
                        + " and length(code) = 12 order by code")
                .query(String.class)
                .list();
        if (communities.isEmpty()) {
            log.warn("Demo: no 黄浦区 communities, no demo verification campaign");
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        long id = campaigns.insert(NAME, "上海市黄浦区民政局", HUANGPU, today.plusDays(14), "demo");
        try {
            Path file = Files.createTempFile("wushe-demo-list", ".csv");
            Files.writeString(file, list(communities), StandardCharsets.UTF_8);
            UUID importId = UUID.randomUUID();
            imports.started(importId, id, "demo.csv", "demo");
            listImport.run(new ListImport.Job(
                    importId, id, NAME, HUANGPU, file, "demo.csv", "demo", DataScope.of(List.of(HUANGPU)), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        answerAThird(id);
        log.info("Demo: verification campaign “{}” with {} people in 黄浦区", NAME, PEOPLE);
    }

    private String list(List<String> communities) {
        Random random = new Random(2022);
        Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, new Random(2022));
        VulnerabilityCategory[] categories = {
            VulnerabilityCategory.ELDERLY_ALONE,
            VulnerabilityCategory.ELDERLY_80_PLUS,
            VulnerabilityCategory.DIBAO,
            VulnerabilityCategory.DISABLED
        };
        StringBuilder csv = new StringBuilder("姓名,身份证号,手机号,地址,类别,来源,社区代码\n");
        Set<String> ids = new HashSet<>();
        // the first communities of the district in order, so a few of them have many people
        List<String> used = communities.subList(0, Math.min(24, communities.size()));
        while (ids.size() < PEOPLE) {
            String id = idNumber(random);
            if (!ids.add(id)) {
                continue;
            }
            csv.append(faker.name().lastName())
                    .append(faker.name().firstName())
                    .append(',')
                    .append(id)
                    .append(',')
                    .append("13")
                    .append(5 + random.nextInt(5))
                    .append(String.format("%08d", random.nextInt(100_000_000)))
                    .append(",黄浦区")
                    .append(faker.address().streetName())
                    .append(1 + random.nextInt(300))
                    .append("号,")
                    .append(categories[random.nextInt(categories.length)].name())
                    .append(",区民政局下发,")
                    .append(used.get(random.nextInt(used.size())))
                    .append('\n');
        }
        return csv.toString();
    }

    /** Born 1930–1950 in 黄浦区, with a valid GB 11643 check character. */
    private static String idNumber(Random random) {
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(7300));
        String body = "310101" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + (100 + random.nextInt(900));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private void answerAThird(long campaignId) {
        List<Long> ids = jdbc.sql("select id from residents_verification_task where campaign_id = ? and id % 3 = 0")
                .param(campaignId)
                .query(Long.class)
                .list();
        VerificationOutcome[] outcomes = {
            VerificationOutcome.VERIFIED,
            VerificationOutcome.VERIFIED,
            VerificationOutcome.VERIFIED,
            VerificationOutcome.UNREACHABLE,
            VerificationOutcome.MOVED_AWAY
        };
        for (int i = 0; i < ids.size(); i++) {
            tasks.recordOutcome(ids.get(i), 0, Finding.of(outcomes[i % outcomes.length]), "demo", clock.instant());
        }
    }
}
