package org.wushe.directory.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
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
import org.wushe.access.AccountSummary;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.access.StaffPrincipal;
import org.wushe.directory.Availability;
import org.wushe.directory.OrgType;
import org.wushe.directory.Qualification;
import org.wushe.directory.Skill;
import org.wushe.directory.Specialty;
import org.wushe.directory.VolunteerStatus;
import org.wushe.directory.organisations.OrganisationDraft;
import org.wushe.directory.organisations.OrganisationFilter;
import org.wushe.directory.organisations.OrganisationPage;
import org.wushe.directory.organisations.Organisations;
import org.wushe.directory.socialworkers.SocialWorkerDraft;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.directory.volunteers.NewVolunteer;
import org.wushe.directory.volunteers.VolunteerStore;
import org.wushe.directory.volunteers.Volunteers;
import org.wushe.region.Region;
import org.wushe.region.Regions;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;
import org.wushe.shared.ResidentIdNumber;

/**
 * Demo mode: the demo city's directory — an association, agencies, one station per street of 黄浦区 and 徐汇区 (each
 * with a published hotline, which residents' status pages show),
 * hospital departments, community committees, a volunteer organisation and a foundation; about 60 social workers
 * and 40 volunteers (a handful approved) with fictitious people from a fixed seed, so every start is the same.
 * Written through the directory's own façades (encryption, blind indexes, constraints apply) and, for volunteers,
 * their store (a demo volunteer proves no phone by SMS); idempotent: what exists (by organisation name or ID
 * number) is skipped. The demo {@code volunteer} account is the account of the first demo volunteer: registered in
 * the account's region and approved with a passport number, so that /volunteer/me shows a volunteer.
 */
@Component
@Profile("demo")
@Order(20)
class DemoDirectory implements ApplicationRunner {

    public static final long SEED = 2022;
    public static final int SOCIAL_WORKERS = 60;
    public static final int VOLUNTEERS = 40;
    static final int APPROVED_VOLUNTEERS = 5;
    static final List<String> DISTRICTS = List.of("310101", "310104");
    /** The demo account (made by access in demo mode) whose volunteer record the demo city holds. */
    static final String VOLUNTEER_ACCOUNT = "volunteer";

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

    private final Organisations organisations;
    private final SocialWorkers socialWorkers;
    private final Volunteers volunteers;
    private final VolunteerStore volunteerStore;
    private final Regions regions;
    private final Accounts accounts;
    private final Clock clock;

    DemoDirectory(
            Organisations organisations,
            SocialWorkers socialWorkers,
            Volunteers volunteers,
            VolunteerStore volunteerStore,
            Regions regions,
            Accounts accounts,
            Clock clock) {
        this.organisations = organisations;
        this.socialWorkers = socialWorkers;
        this.volunteers = volunteers;
        this.volunteerStore = volunteerStore;
        this.regions = regions;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A fictitious person: valid (GB 11643) ID number born 1960–2000, and a mobile number. */
    public record Person(String name, String idNumber, String phone) {}

    /** The first {@code count} people of the fixed seed: always the same names, ID numbers and phones. */
    public static List<Person> people(int count) {
        Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, new Random(SEED));
        Random random = new Random(SEED);
        Set<String> ids = new HashSet<>();
        Set<String> phones = new HashSet<>();
        List<Person> people = new ArrayList<>();
        while (people.size() < count) {
            String name = faker.name().lastName() + faker.name().firstName();
            String id = unique(ids, () -> idNumber(random));
            String phone = unique(phones, () -> phone(random));
            people.add(new Person(name, id, phone));
        }
        return people;
    }

    private static String unique(Set<String> taken, Supplier<String> next) {
        String value = next.get();
        while (!taken.add(value)) {
            value = next.get();
        }
        return value;
    }

    static String idNumber(Random random) {
        LocalDate from = LocalDate.of(1960, 1, 1);
        long days = LocalDate.of(2000, 12, 31).toEpochDay() - from.toEpochDay();
        LocalDate birth = from.plusDays((long) (random.nextDouble() * (days + 1)));
        String first17 = DISTRICTS.get(random.nextInt(DISTRICTS.size()))
                + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return ResidentIdNumber.parse(first17 + "10X98765432".charAt(sum % 11)).value();
    }

    static String phone(Random random) {
        StringBuilder s = new StringBuilder("1").append(3 + random.nextInt(7));
        for (int i = 0; i < 9; i++) {
            s.append(random.nextInt(10));
        }
        return PhoneNumber.parse(s.toString()).value();
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
        Directory d = new Directory(new HashMap<>());
        OrganisationPage page;
        int number = 0;
        do {
            page = organisations.list(OrganisationFilter.all(), ++number, 100);
            page.rows().forEach(o -> d.ids().put(o.name(), o.id()));
        } while (number < page.totalPages());
        int before = d.ids().size();
        Random random = new Random(SEED);

        // first the 徐汇 agency, so that on a fresh database it is organisation 1 (the demo agency's)
        long xuhuiAgency =
                d.org(organisations, "徐汇区乐群社会工作服务社", OrgType.AGENCY, "310104", "徐汇区天平路", null, List.of("310104"));
        long association = d.org(organisations, "上海市社会工作者协会", OrgType.ASSOCIATION, "310000", "上海市黄浦区", null, List.of());
        long huangpuAgency = d.org(
                organisations, "黄浦区社区社会工作服务中心", OrgType.AGENCY, "310101", "黄浦区南京东路", association, List.of("310101"));
        long xuhuiAgency2 = d.org(
                organisations, "徐汇区阳光社会工作事务所", OrgType.AGENCY, "310104", "徐汇区漕溪北路", association, List.of("310104"));
        List<Long> agencies = List.of(huangpuAgency, xuhuiAgency, xuhuiAgency2);

        List<Region> streets = new ArrayList<>();
        for (String district : DISTRICTS) {
            regions.children(RegionCode.parse(district)).stream()
                    .filter(r -> r.level() == RegionLevel.TOWNSHIP)
                    .forEach(streets::add);
        }
        List<String> communities = new ArrayList<>();
        for (Region street : streets) {
            long station = d.org(
                    organisations,
                    street.name() + "社会工作服务站",
                    OrgType.STATION,
                    street.code().value(),
                    street.name(),
                    association,
                    List.of(street.code().value()),
                    stationPhone(street.code(), streets.indexOf(street)));
            if (communities.size() < 12 && street.hasChildren()) {
                for (Region community :
                        regions.children(street.code()).stream().limit(4).toList()) {
                    d.org(
                            organisations,
                            street.name() + community.name() + "居民委员会",
                            OrgType.COMMUNITY_COMMITTEE,
                            community.code().value(),
                            community.name(),
                            station,
                            List.of());
                    communities.add(community.code().value());
                }
            }
        }
        d.org(organisations, "上海交通大学医学院附属瑞金医院社会工作部", OrgType.HOSPITAL_SW_DEPT, "310101", "黄浦区瑞金二路", null, List.of());
        d.org(organisations, "复旦大学附属中山医院社会工作部", OrgType.HOSPITAL_SW_DEPT, "310104", "徐汇区枫林路", null, List.of());
        d.org(organisations, "徐汇区志愿者协会", OrgType.VOLUNTEER_ORG, "310104", "徐汇区漕溪北路", null, List.of("310104"));
        d.org(organisations, "上海五社联动公益基金会", OrgType.FOUNDATION, "310000", "上海市黄浦区", null, List.of());

        List<Person> people = people(SOCIAL_WORKERS + VOLUNTEERS);
        int workers = 0;
        for (Person p : people.subList(0, SOCIAL_WORKERS)) {
            Region street = streets.get(random.nextInt(streets.size()));
            Qualification q = Qualification.values()[random.nextInt(Qualification.values().length)];
            Specialty s = Specialty.values()[random.nextInt(Specialty.values().length)];
            boolean party = random.nextInt(3) == 0 && !communities.isEmpty();
            long agency =
                    street.code().value().startsWith("310101") ? huangpuAgency : agencies.get(1 + random.nextInt(2));
            var draft = new SocialWorkerDraft(
                    p.name(),
                    p.idNumber(),
                    p.phone(),
                    q.name(),
                    q == Qualification.NONE ? null : "S" + p.idNumber().substring(6, 14),
                    List.of(s.name()),
                    party,
                    party ? communities.get(random.nextInt(communities.size())) : null,
                    Availability.values()[random.nextInt(2)].name(),
                    street.code().value(),
                    List.of(agency),
                    List.of(street.code().value()));
            try {
                socialWorkers.create(draft);
                workers++;
            } catch (InvalidValueException e) {
                if (!SocialWorkers.ID_NUMBER_TAKEN.equals(e.messageKey())) {
                    throw e;
                }
                // there from an earlier start: the façade refuses a second worker with this ID number
            }
        }

        int registered = 0;
        int approved = 0;
        // the demo volunteer account, while it has no volunteer record yet
        Optional<AccountSummary> unlinked = unlinkedVolunteerAccount();
        for (Person p : people.subList(SOCIAL_WORKERS, people.size())) {
            ResidentIdNumber id = ResidentIdNumber.parse(p.idNumber());
            Region street = streets.get(random.nextInt(streets.size()));
            Skill skill = Skill.values()[random.nextInt(Skill.values().length)];
            if (volunteerStore.idNumberTaken(id)) {
                continue;
            }
            RegionCode home = unlinked.map(DemoDirectory::homeRegion).orElse(street.code());
            long volunteer = volunteerStore.insert(
                    new NewVolunteer(
                            p.name(),
                            id,
                            PhoneNumber.parse(p.phone()),
                            List.of(skill),
                            home,
                            List.of(home),
                            "周末",
                            null,
                            null),
                    Volunteers.PRIVACY_NOTICE_VERSION,
                    clock.instant());
            registered++;
            if (unlinked.isPresent()) {
                link(volunteer, home, unlinked.get());
                unlinked = Optional.empty();
                approved++;
            } else if (approved < APPROVED_VOLUNTEERS) {
                volunteers.approve(volunteer);
                approved++;
            }
        }
        if (unlinked.isPresent()) {
            // a demo database of an earlier version: its first pending volunteer becomes the account's
            var pending = volunteerStore.list(DataScope.country(), VolunteerStatus.PENDING, 1);
            if (!pending.isEmpty()) {
                link(pending.get(0).id(), pending.get(0).regionCode(), unlinked.get());
            }
        }
        log.info(
                "Demo: directory ready — {} organisations, {} social workers, {} volunteers ({} approved) created",
                d.ids().size() - before,
                workers,
                registered,
                approved);
    }

    /** The demo volunteer account if it exists and is no volunteer's yet. */
    private Optional<AccountSummary> unlinkedVolunteerAccount() {
        return accounts.list(VOLUNTEER_ACCOUNT, 1, 100).rows().stream()
                .filter(a -> a.username().equals(VOLUNTEER_ACCOUNT))
                .filter(a -> volunteerStore.findByAccount(a.id()).isEmpty())
                .findFirst();
    }

    private static RegionCode homeRegion(AccountSummary account) {
        return account.scope().regions().stream()
                .sorted(Comparator.comparing(RegionCode::value))
                .findFirst()
                .orElseThrow();
    }

    /** Approves the volunteer with a passport number as the review would, and links it to the existing account. */
    private void link(long volunteer, RegionCode region, AccountSummary account) {
        if (!volunteerStore.approve(
                volunteer, volunteerStore.nextPassportNo(region), account.id(), "demo", clock.instant())) {
            throw new IllegalStateException("demo volunteer " + volunteer + " is not pending");
        }
    }

    /**
     * A station's published hotline (the status page shows it to residents): a fictitious Shanghai landline of the
     * street's district (徐汇 64xx, 黄浦 63xx), the same on every start.
     */
    static String stationPhone(RegionCode street, int index) {
        String exchange = street.value().startsWith("310104") ? "6438" : "6321";
        return "021-" + exchange + String.format("%04d", 1001 + index);
    }

    private record Directory(Map<String, Long> ids) {

        long org(
                Organisations organisations,
                String name,
                OrgType type,
                String region,
                String address,
                Long parent,
                List<String> served) {
            return org(organisations, name, type, region, address, parent, served, null);
        }

        long org(
                Organisations organisations,
                String name,
                OrgType type,
                String region,
                String address,
                Long parent,
                List<String> served,
                String publicPhone) {
            return ids.computeIfAbsent(
                    name,
                    n -> organisations.create(new OrganisationDraft(
                            type.name(),
                            n,
                            null,
                            region,
                            address,
                            null,
                            null,
                            publicPhone,
                            parent,
                            List.copyOf(new LinkedHashSet<>(served)))));
        }
    }
}
