package org.wushe.residents.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.KnownRegions;
import org.wushe.access.Role;
import org.wushe.access.StaffPrincipal;
import org.wushe.region.Region;
import org.wushe.region.Regions;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.assessments.AssessmentDraft;
import org.wushe.residents.assessments.Assessments;
import org.wushe.residents.checkins.CheckIns;
import org.wushe.residents.register.CategoryDetail;
import org.wushe.residents.register.ResidentDraft;
import org.wushe.residents.register.Residents;
import org.wushe.residents.visits.VisitKind;
import org.wushe.residents.visits.Visits;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;
import org.wushe.shared.ResidentIdNumber;

/**
 * Demo mode: 300 fictitious vulnerable residents of 黄浦区 and 徐汇区 (fixed seed, valid ID numbers, realistic
 * names), spread over the categories, a third of them assessed, some visited, and five elderly people living
 * alone of the demo community 上海新村居委会 enrolled in the daily check-in. Written through the module's own
 * façades (validation, encryption, audit apply). Idempotent: a person already registered is skipped, and only new
 * records get assessments and visits.
 */
@Component
@Profile("demo")
@Order(30)
class DemoResidents implements ApplicationRunner {

    static final long SEED = 20221;
    static final int RESIDENTS = 300;
    static final RegionCode DEMO_COMMUNITY = RegionCode.parse("310104003001");
    private static final Logger log = LoggerFactory.getLogger(DemoResidents.class);

    private final Residents residents;
    private final Assessments assessments;
    private final Visits visits;
    private final CheckIns checkIns;
    private final Regions regions;
    private final KnownRegions known;
    private final Accounts accounts;
    private final Clock clock;

    DemoResidents(
            Residents residents,
            Assessments assessments,
            Visits visits,
            CheckIns checkIns,
            Regions regions,
            KnownRegions known,
            Accounts accounts,
            Clock clock) {
        this.residents = residents;
        this.assessments = assessments;
        this.visits = visits;
        this.checkIns = checkIns;
        this.regions = regions;
        this.known = known;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var previous = SecurityContextHolder.getContext();
        var principal = new StaffPrincipal(-1, "demo", "demo", Set.of(Role.CIVIL_AFFAIRS_ADMIN), DataScope.country());
        SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority(Role.CIVIL_AFFAIRS_ADMIN.authority())))));
        try {
            load();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void load() {
        List<Region> communities = new ArrayList<>();
        for (String district : List.of("310101", "310104")) {
            for (Region street : regions.children(RegionCode.parse(district))) {
                if (street.level() == RegionLevel.TOWNSHIP && street.hasChildren()) {
                    regions.children(street.code()).stream().limit(3).forEach(communities::add);
                }
            }
        }
        if (communities.isEmpty() || !known.exists(DEMO_COMMUNITY)) {
            log.warn("Demo: no communities, no residents loaded");
            return;
        }
        Region demo = regions.get(DEMO_COMMUNITY);
        Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, new Random(SEED));
        List<Long> grid = accounts.holdersCovering(Role.COMMUNITY_STAFF, DEMO_COMMUNITY);
        int created = 0;
        int enrolled = 0;
        for (int i = 0; i < RESIDENTS; i++) {
            // every draw of person i comes from their own generator, so a skipped person changes no other one
            Random random = new Random(SEED * 1000 + i);
            String name = faker.name().lastName() + faker.name().firstName();
            String contact = faker.name().lastName() + faker.name().firstName();
            VulnerabilityCategory main =
                    VulnerabilityCategory.values()[random.nextInt(VulnerabilityCategory.values().length)];
            boolean demoCommunity = i % 10 == 0;
            Region community = demoCommunity ? demo : communities.get(random.nextInt(communities.size()));
            String code = community.code().value();
            String idNumber = idNumber(random, code.substring(0, 6), birthRange(main));
            if (residents.registered(ResidentIdNumber.parse(idNumber))) {
                continue;
            }
            String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
            String contactPhone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
            String address =
                    "上海市" + community.name().replace("居委会", "").replace("居民委员会", "") + (1 + random.nextInt(300)) + "弄";
            boolean alone = main == VulnerabilityCategory.ELDERLY_ALONE && demoCommunity;
            Long gridWorker = alone && !grid.isEmpty() ? grid.get(0) : null;
            long id = residents.create(new ResidentDraft(
                    name,
                    idNumber,
                    phone,
                    address,
                    address,
                    code,
                    Integer.toString(1 + random.nextInt(30)),
                    Integer.toString(1 + random.nextInt(4)),
                    Integer.toString(101 + random.nextInt(20) * 100),
                    null,
                    null,
                    null,
                    contact,
                    "子女",
                    contactPhone,
                    gridWorker,
                    null,
                    i % 5 == 0 ? "PUBLIC_HEALTH_EMERGENCY" : "STATUTORY_DUTY",
                    null,
                    categories(main, random)));
            created++;
            if (random.nextInt(3) == 0) {
                assessments.record(id, assessment(random));
            }
            int visitsDone = random.nextInt(4);
            for (int v = 0; v < visitsDone; v++) {
                visits.record(
                        id,
                        List.of(VisitKind.PHONE, VisitKind.VIDEO, VisitKind.HOME)
                                .get(random.nextInt(3)),
                        clock.instant().minus(Duration.ofDays(1 + random.nextInt(40))),
                        "demo");
            }
            if (alone && enrolled < 5) {
                checkIns.enrol(id, LocalTime.of(10, 0), addressAs(name, idNumber));
                enrolled++;
            }
        }
        log.info("Demo: {} vulnerable residents registered, {} enrolled in the daily check-in", created, enrolled);
    }

    /** The 称呼 a community worker would use: the surname and 阿姨 or 伯伯 (the ID number's 17th digit is the sex). */
    private static String addressAs(String name, String idNumber) {
        boolean female = (idNumber.charAt(16) - '0') % 2 == 0;
        return name.substring(0, 1) + (female ? "阿姨" : "伯伯");
    }

    private static int[] birthRange(VulnerabilityCategory c) {
        return switch (c) {
            case ELDERLY_ALONE, ELDERLY_EMPTY_NEST -> new int[] {1930, 1960};
            case ELDERLY_80_PLUS -> new int[] {1925, 1944};
            case CHILD_IN_DIFFICULTY, LEFT_BEHIND_CHILD -> new int[] {2010, 2020};
            case PREGNANT -> new int[] {1988, 2000};
            default -> new int[] {1950, 2000};
        };
    }

    private static List<CategoryDetail> categories(VulnerabilityCategory main, Random random) {
        List<CategoryDetail> out = new ArrayList<>(List.of(detail(main, random)));
        if (random.nextInt(4) == 0 && main != VulnerabilityCategory.DIBAO) {
            out.add(CategoryDetail.of(VulnerabilityCategory.DIBAO));
        }
        return out;
    }

    private static CategoryDetail detail(VulnerabilityCategory c, Random random) {
        return switch (c) {
            case DISABLED ->
                new CategoryDetail(
                        c.name(),
                        List.of("VISUAL", "HEARING", "PHYSICAL", "INTELLECTUAL", "MENTAL")
                                .get(random.nextInt(5)),
                        1 + random.nextInt(4),
                        null,
                        null,
                        null,
                        null);
            case PREGNANT ->
                new CategoryDetail(
                        c.name(),
                        null,
                        null,
                        LocalDate.of(2026, 12, 1).plusDays(random.nextInt(200)),
                        "上海市第一妇婴保健院",
                        null,
                        null);
            case DIALYSIS -> new CategoryDetail(c.name(), null, null, null, "瑞金医院血透中心", "每周一、三、五上午", null);
            case SERIOUS_ILLNESS ->
                new CategoryDetail(
                        c.name(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("恶性肿瘤（化疗中）", "尿毒症", "重症肌无力").get(random.nextInt(3)));
            case CHRONIC_ILLNESS ->
                new CategoryDetail(
                        c.name(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("高血压", "2 型糖尿病", "慢性阻塞性肺病").get(random.nextInt(3)));
            default -> CategoryDetail.of(c);
        };
    }

    private static AssessmentDraft assessment(Random random) {
        List<Integer> phq9 = new ArrayList<>();
        List<Integer> gad7 = new ArrayList<>();
        int mood = random.nextInt(4);
        for (int i = 0; i < 9; i++) {
            phq9.add(i == 8 ? 0 : Math.min(3, random.nextInt(mood + 1)));
        }
        for (int i = 0; i < 7; i++) {
            gad7.add(Math.min(3, random.nextInt(mood + 1)));
        }
        return new AssessmentDraft(
                1 + random.nextInt(14),
                random.nextInt(3) == 0 ? null : 1 + random.nextInt(30),
                List.of("INDEPENDENT", "INDEPENDENT", "ASSISTED", "BEDRIDDEN").get(random.nextInt(4)),
                null,
                phq9,
                gad7,
                random.nextInt(5) == 0 ? "MILD_IMPAIRMENT" : "NORMAL",
                false,
                null);
    }

    static String idNumber(Random random, String district, int[] years) {
        LocalDate from = LocalDate.of(years[0], 1, 1);
        long days = LocalDate.of(years[1], 12, 31).toEpochDay() - from.toEpochDay();
        LocalDate birth = from.plusDays((long) (random.nextDouble() * (days + 1)));
        String first17 =
                district + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
