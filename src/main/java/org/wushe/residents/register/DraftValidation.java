package org.wushe.residents.register;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.wushe.access.Accounts;
import org.wushe.access.CurrentUser;
import org.wushe.access.KnownRegions;
import org.wushe.access.Role;
import org.wushe.directory.socialworkers.SocialWorkerNotFoundException;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.residents.DisabilityType;
import org.wushe.residents.LawfulBasis;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.register.InvalidFieldsException.FieldProblem;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.Name;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.PlainText;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;
import org.wushe.shared.ResidentIdNumber;

/**
 * Checks every field of a {@link ResidentDraft} and reports all problems at once, keyed by field name (the form
 * shows each under its input; the API lists them). Nothing is written by a draft that has a problem.
 */
@Component
class DraftValidation {

    static final int MAX_NAME = 50;
    static final int MAX_ADDRESS = 200;
    static final int MAX_SHORT = 20;
    static final int MAX_DETAIL = 100;

    private final CurrentUser currentUser;
    private final KnownRegions regions;
    private final SocialWorkers socialWorkers;
    private final Accounts accounts;
    private final Clock clock;

    DraftValidation(
            CurrentUser currentUser,
            KnownRegions regions,
            SocialWorkers socialWorkers,
            Accounts accounts,
            Clock clock) {
        this.currentUser = currentUser;
        this.regions = regions;
        this.socialWorkers = socialWorkers;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The draft's values after validation; {@code idNumber} null on an update that keeps the stored one. */
    public record Valid(
            String name,
            ResidentIdNumber idNumber,
            PhoneNumber phone,
            String registeredAddress,
            String residenceAddress,
            RegionCode community,
            String building,
            String unit,
            String room,
            String guardianName,
            String guardianRelation,
            PhoneNumber guardianPhone,
            String emergencyName,
            String emergencyRelation,
            PhoneNumber emergencyPhone,
            Long gridWorker,
            Long socialWorker,
            LawfulBasis basis,
            Instant consentAt,
            List<CategoryDetail> categories) {}

    /**
     * Validates every field; {@code duplicates} is asked about a well-formed ID number and answers the problem
     * (with the existing record when the caller may see it) or null, so a duplicate is reported with the rest.
     */
    public Valid validate(
            ResidentDraft d, boolean update, Function<ResidentIdNumber, InvalidFieldsException> duplicates) {
        List<FieldProblem> problems = new ArrayList<>();
        Long existing = null;
        String name = check(problems, "name", () -> name(required(d.name(), MAX_NAME, "residents.resident.name")));
        ResidentIdNumber id = update && blank(d.idNumber())
                ? null
                : check(
                        problems,
                        "idNumber",
                        () -> ResidentIdNumber.parse(d.idNumber() == null ? "" : d.idNumber(), LocalDate.now(clock)));
        if (id != null) {
            InvalidFieldsException duplicate = duplicates.apply(id);
            if (duplicate != null) {
                problems.addAll(duplicate.problems());
                existing = duplicate.existingResidentId();
            }
        }
        PhoneNumber phone = phone(problems, "phone", d.phone());
        String registered = check(
                problems,
                "registeredAddress",
                () -> optional(d.registeredAddress(), MAX_ADDRESS, "residents.resident.address"));
        String residence = check(
                problems,
                "residenceAddress",
                () -> optional(d.residenceAddress(), MAX_ADDRESS, "residents.resident.address"));
        RegionCode community = check(problems, "communityCode", () -> community(d.communityCode()));
        String building =
                check(problems, "building", () -> optional(d.building(), MAX_SHORT, "residents.resident.room"));
        String unit = check(problems, "unit", () -> optional(d.unit(), MAX_SHORT, "residents.resident.room"));
        String room = check(problems, "room", () -> optional(d.room(), MAX_SHORT, "residents.resident.room"));
        String guardianName = check(
                problems, "guardianName", () -> name(optional(d.guardianName(), MAX_NAME, "residents.resident.name")));
        String guardianRelation = check(
                problems,
                "guardianRelation",
                () -> optional(d.guardianRelation(), MAX_SHORT, "residents.resident.relation"));
        PhoneNumber guardianPhone = phone(problems, "guardianPhone", d.guardianPhone());
        String emergencyName = check(
                problems,
                "emergencyContactName",
                () -> name(optional(d.emergencyContactName(), MAX_NAME, "residents.resident.name")));
        String emergencyRelation = check(
                problems,
                "emergencyContactRelation",
                () -> optional(d.emergencyContactRelation(), MAX_SHORT, "residents.resident.relation"));
        PhoneNumber emergencyPhone = phone(problems, "emergencyContactPhone", d.emergencyContactPhone());
        if (guardianPhone != null && guardianName == null) {
            problems.add(problem("guardianName", "residents.resident.guardianName.required"));
        }
        if (emergencyPhone != null && emergencyName == null) {
            problems.add(problem("emergencyContactName", "residents.resident.emergencyContactName.required"));
        }
        Long grid = d.gridWorkerAccountId();
        if (grid != null
                && community != null
                && !accounts.holdersCovering(Role.COMMUNITY_STAFF, community).contains(grid)
                && !accounts.holdersCovering(Role.STATION_STAFF, community).contains(grid)) {
            problems.add(problem("gridWorkerAccountId", "residents.resident.gridWorker.unknown", grid));
        }
        Long socialWorker = d.socialWorkerId();
        if (socialWorker != null) {
            try {
                socialWorkers.get(socialWorker);
            } catch (SocialWorkerNotFoundException e) {
                problems.add(problem("socialWorkerId", "residents.resident.socialWorker.unknown", socialWorker));
            }
        }
        LawfulBasis basis = check(
                problems,
                "lawfulBasis",
                () -> enumValue(LawfulBasis.class, d.lawfulBasis(), "residents.resident.lawfulBasis.required"));
        Instant consent = basis == LawfulBasis.CONSENT ? d.consentAt() : null;
        if (basis == LawfulBasis.CONSENT && consent == null) {
            problems.add(problem("consentAt", "residents.resident.consentAt.required"));
        } else if (consent != null && consent.isAfter(clock.instant())) {
            problems.add(problem("consentAt", "residents.resident.consentAt.future"));
        }
        List<CategoryDetail> categories = categories(d.categories(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems, existing);
        }
        return new Valid(
                name,
                id,
                phone,
                registered,
                residence,
                community,
                building,
                unit,
                room,
                guardianName,
                guardianRelation,
                guardianPhone,
                emergencyName,
                emergencyRelation,
                emergencyPhone,
                grid,
                socialWorker,
                basis,
                consent,
                categories);
    }

    private List<CategoryDetail> categories(List<CategoryDetail> raw, List<FieldProblem> problems) {
        Map<VulnerabilityCategory, CategoryDetail> out = new LinkedHashMap<>();
        for (CategoryDetail c : raw) {
            VulnerabilityCategory cat;
            try {
                cat = enumValue(VulnerabilityCategory.class, c.category(), "residents.category.unknown");
            } catch (InvalidValueException e) {
                problems.add(new FieldProblem("categories", e));
                continue;
            }
            switch (cat) {
                case DISABLED -> {
                    DisabilityType type = check(
                            problems,
                            "disabilityType",
                            () -> enumValue(
                                    DisabilityType.class,
                                    c.disabilityType(),
                                    "residents.category.disabilityType.required"));
                    Integer grade = c.disabilityGrade();
                    if (grade == null || grade < 1 || grade > 4) {
                        problems.add(problem("disabilityGrade", "residents.category.disabilityGrade.range"));
                    }
                    out.put(
                            cat,
                            new CategoryDetail(
                                    cat.name(), type == null ? null : type.name(), grade, null, null, null, null));
                }
                case PREGNANT -> {
                    if (c.dueDate() == null) {
                        problems.add(problem("dueDate", "residents.category.dueDate.required"));
                    } else if (c.dueDate().isBefore(LocalDate.now(clock).minusYears(1))) {
                        problems.add(problem("dueDate", "residents.category.dueDate.past"));
                    }
                    String hospital = check(
                            problems,
                            "prenatalHospital",
                            () -> optional(c.hospital(), MAX_DETAIL, "residents.category.detail"));
                    out.put(cat, new CategoryDetail(cat.name(), null, null, c.dueDate(), hospital, null, null));
                }
                case DIALYSIS -> {
                    String schedule = check(
                            problems,
                            "dialysisSchedule",
                            () -> required(c.schedule(), MAX_DETAIL, "residents.category.schedule"));
                    String hospital = check(
                            problems,
                            "dialysisHospital",
                            () -> required(c.hospital(), MAX_DETAIL, "residents.category.hospital"));
                    out.put(cat, new CategoryDetail(cat.name(), null, null, null, hospital, schedule, null));
                }
                case SERIOUS_ILLNESS, CHRONIC_ILLNESS -> {
                    String field = cat == VulnerabilityCategory.SERIOUS_ILLNESS ? "seriousIllness" : "chronicIllness";
                    String illness = check(
                            problems, field, () -> required(c.illness(), MAX_ADDRESS, "residents.category.illness"));
                    out.put(cat, new CategoryDetail(cat.name(), null, null, null, null, null, illness));
                }
                default -> out.put(cat, CategoryDetail.of(cat));
            }
        }
        return List.copyOf(out.values());
    }

    private RegionCode community(String raw) {
        if (blank(raw)) {
            throw new InvalidValueException("residents.resident.community.required");
        }
        RegionCode code = RegionCode.parse(raw.strip());
        if (code.level() != RegionLevel.VILLAGE) {
            throw new InvalidValueException("residents.resident.community.level");
        }
        if (!regions.exists(code)) {
            throw new InvalidValueException("residents.resident.community.unknown", code.value());
        }
        if (!currentUser.scope().contains(code)) {
            throw new InvalidValueException("residents.resident.community.outOfScope", code.value());
        }
        return code;
    }

    private static PhoneNumber phone(List<FieldProblem> problems, String field, String raw) {
        return blank(raw) ? null : check(problems, field, () -> PhoneNumber.parse(raw));
    }

    static FieldProblem problem(String field, String key, Object... args) {
        return new FieldProblem(field, new InvalidValueException(key, args));
    }

    static <T> T check(List<FieldProblem> problems, String field, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            problems.add(new FieldProblem(field, e));
            return null;
        }
    }

    static String required(String raw, int max, String keyPrefix) {
        String s = optional(raw, max, keyPrefix);
        if (s == null) {
            throw new InvalidValueException(keyPrefix + ".required");
        }
        return s;
    }

    static String optional(String raw, int max, String keyPrefix) {
        String s = raw == null ? "" : raw.strip();
        if (s.codePointCount(0, s.length()) > max) {
            throw new InvalidValueException(keyPrefix + ".length", max);
        }
        // a form's fields reach here unchecked (JSON and URLs are checked at the door): no NUL for the database
        PlainText.parse(s);
        return s.isEmpty() ? null : s;
    }

    /** A person's name: seen, one line, no direction tricks ({@link Name}); null stays null. */
    static String name(String s) {
        return s == null ? null : Name.parse(s).value();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String key) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException(key);
        }
    }
}
