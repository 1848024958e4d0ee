package org.wushe.directory.socialworkers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.DataScope;
import org.wushe.access.KnownRegions;
import org.wushe.access.Role;
import org.wushe.access.RoleGroup;
import org.wushe.access.StaffPrincipal;
import org.wushe.directory.Availability;
import org.wushe.directory.Qualification;
import org.wushe.directory.RegionNames;
import org.wushe.directory.Specialty;
import org.wushe.directory.organisations.OrganisationQueries;
import org.wushe.directory.organisations.Organisations;
import org.wushe.platform.PickerOption;
import org.wushe.privacy.SensitiveData;
import org.wushe.privacy.SensitiveField;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.Name;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.PlainText;
import org.wushe.shared.RegionCode;
import org.wushe.shared.ResidentIdNumber;

/**
 * The social workers of the directory. Civil affairs, associations, stations (and an agency for its own
 * organisation) create and edit them inside their data scope; staff roles read them, scoped in SQL by the
 * worker's home region — a worker outside the scope does not exist for the caller. The ID number and phone are
 * stored encrypted with blind indexes, shown masked, and revealed only with a reason.
 */
@NamedInterface("socialworkers")
@Service
public class SocialWorkers {

    /** The problem of a second social worker with an ID number already registered. */
    public static final String ID_NUMBER_TAKEN = "directory.socialWorker.idNumber.taken";

    static final int MAX_NAME = 50;
    static final int MAX_CERTIFICATE = 50;
    static final int MAX_SERVED = 200;

    private final SocialWorkerStore store;
    private final SocialWorkerCipher cipher;
    private final OrganisationQueries organisations;
    private final KnownRegions regions;
    private final RegionNames regionNames;
    private final CurrentUser currentUser;
    private final SensitiveData sensitiveData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SocialWorkers(
            SocialWorkerStore store,
            SocialWorkerCipher cipher,
            OrganisationQueries organisations,
            KnownRegions regions,
            RegionNames regionNames,
            CurrentUser currentUser,
            SensitiveData sensitiveData,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.organisations = organisations;
        this.regions = regions;
        this.regionNames = regionNames;
        this.currentUser = currentUser;
        this.sensitiveData = sensitiveData;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(RoleGroup.Guard.SOCIAL_WORKER_WRITERS)
    @Transactional
    public long create(SocialWorkerDraft draft) {
        Validated v = validateOrThrow(draft, null);
        SocialWorkerRecord record = v.toRecord(store.nextIds(1).get(0), null, cipher, actor(), clock, 0);
        store.insertAll(List.of(record));
        audit(AuditAction.CREATE, record.id(), v.region(), FIELDS);
        return record.id();
    }

    @PreAuthorize(RoleGroup.Guard.SOCIAL_WORKER_WRITERS)
    @Transactional
    public void update(long id, SocialWorkerDraft draft) {
        SocialWorkerRecord old = loadWritable(id);
        Validated v = validateOrThrow(draft, old);
        store.update(v.toRecord(id, old, cipher, actor(), clock, old.version()));
        audit(AuditAction.UPDATE, id, v.region(), FIELDS);
    }

    @PreAuthorize(RoleGroup.Guard.SOCIAL_WORKER_WRITERS)
    @Transactional
    public void setAvailability(long id, Availability availability) {
        if (availability == null) {
            throw new InvalidValueException("directory.socialWorker.availability.unknown");
        }
        SocialWorkerRecord old = loadWritable(id);
        store.setAvailability(id, availability);
        audit(AuditAction.UPDATE, id, old.regionCode(), List.of("availability"));
    }

    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public SocialWorkerDetails get(long id) {
        SocialWorkerRecord w = load(id);
        Map<Long, String> byId = organisations.namesOf(w.organisationIds());
        List<String> names =
                w.organisationIds().stream().map(o -> byId.getOrDefault(o, "")).toList();
        return new SocialWorkerDetails(
                w.id(),
                w.name(),
                cipher.maskedIdNumber(w.idNumberCipher()),
                w.sex(),
                w.birthDate(),
                cipher.maskedPhone(w.phoneCipher()),
                w.qualification(),
                w.certificateNo(),
                List.copyOf(new TreeSet<>(w.specialties())),
                w.partyMember(),
                w.reportedCommunity(),
                w.availability(),
                w.regionCode().value(),
                w.organisationIds(),
                names,
                w.servedRegions(),
                w.accountId(),
                w.createdAt(),
                w.createdBy());
    }

    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public SocialWorkerPage list(SocialWorkerFilter filter, int page, int size) {
        if (!Organisations.PAGE_SIZES.contains(size)) {
            throw new InvalidValueException("error.pageSize", Organisations.PAGE_SIZES.toString());
        }
        DataScope scope = currentUser.scope();
        long total = store.count(scope, filter, Long.MAX_VALUE);
        int shown = (int) Math.max(1, Math.min(Math.max(1, page), (total + size - 1) / size));
        return new SocialWorkerPage(store.page(scope, filter, (long) (shown - 1) * size, size), shown, size, total);
    }

    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public List<SocialWorkerCount> countsByOrganisation() {
        return store.countsByOrganisation(currentUser.scope());
    }

    /** Per home region, the region named (its code kept as the key). */
    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public List<SocialWorkerCount> countsByRegion() {
        List<SocialWorkerCount> counts = store.countsByRegion(currentUser.scope());
        var names = regionNames.of(counts.stream().map(SocialWorkerCount::key).toList());
        return counts.stream()
                .map(c -> new SocialWorkerCount(c.key(), names.getOrDefault(c.key(), c.key()), c.count()))
                .toList();
    }

    /** At most this many options answer a picker's search. */
    public static final int PICKER_LIMIT = 15;

    /**
     * The picker's options (for 责任社工, 督导 and the like): social workers in the caller's scope whose name contains
     * {@code text} (or whose id it is), optionally only of one organisation; the detail names their home region and
     * organisations. Names of social workers are not masked in the directory; no phone or ID number is shown, so
     * the search is not audited as a view of personal data.
     */
    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public List<PickerOption> pick(String text, Long organisationId) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.codePointCount(0, t.length()) > MAX_NAME) {
            return List.of();
        }
        List<SocialWorkerStore.Pick> rows = store.search(currentUser.scope(), t, organisationId, PICKER_LIMIT);
        var names = regionNames.of(
                rows.stream().map(SocialWorkerStore.Pick::regionCode).toList());
        return rows.stream()
                .map(r -> {
                    String region = names.getOrDefault(r.regionCode(), r.regionCode());
                    return new PickerOption(
                            r.id(),
                            r.name(),
                            r.organisations().isEmpty()
                                    ? region
                                    : region + " · " + String.join("、", r.organisations()));
                })
                .toList();
    }

    /**
     * What a picker field submitted, as a social worker's id: the id itself, or the exact name of one worker in the
     * caller's scope (the field without script); null for blank; an unknown or ambiguous name is refused.
     */
    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public Long resolve(String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("\\d{1,18}")) {
            return Long.valueOf(t);
        }
        List<Long> ids = t.length() > MAX_NAME ? List.of() : store.idsNamed(currentUser.scope(), t);
        if (ids.size() > 1) {
            throw new InvalidValueException("picker.socialWorker.ambiguous", t);
        }
        return ids.stream().findFirst().orElseThrow(() -> new InvalidValueException("picker.socialWorker.unknown", t));
    }

    /** The name of a social worker the caller may see (for a picker showing a chosen id). */
    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public Optional<String> visibleName(long id) {
        return store.isVisible(currentUser.scope(), id)
                ? store.find(id).map(SocialWorkerRecord::name)
                : Optional.empty();
    }

    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public String revealIdNumber(long id, String reason) {
        SocialWorkerRecord w = load(id);
        return sensitiveData.reveal(field(w, "idNumber"), reason, () -> cipher.clearIdNumber(w.idNumberCipher()));
    }

    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public String revealPhone(long id, String reason) {
        SocialWorkerRecord w = load(id);
        return sensitiveData.reveal(field(w, "phone"), reason, () -> cipher.clearPhone(w.phoneCipher()));
    }

    /** Hands every matching row to {@code sink} and records the export (committed even if the sink fails). */
    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    @Transactional(noRollbackFor = Exception.class)
    public long export(SocialWorkerFilter filter, Consumer<SocialWorkerRow> sink) {
        DataScope scope = currentUser.scope();
        if (store.count(scope, filter, Organisations.EXPORT_LIMIT + 1L) > Organisations.EXPORT_LIMIT) {
            throw new InvalidValueException("directory.export.tooMany", Organisations.EXPORT_LIMIT);
        }
        RegionCode region = filter.region() != null
                ? filter.region()
                : scope.regions().size() == 1 ? scope.regions().iterator().next() : null;
        events.publishEvent(new Activity(
                clock.instant(),
                actor(),
                AuditAction.EXPORT,
                "social_worker",
                null,
                region,
                currentUser.clientAddress().orElse(null),
                null,
                filter.applied()));
        return store.forEach(scope, filter, sink);
    }

    /**
     * Every problem of a draft by form field (the first per field), for a form that marks each bad field; an ID
     * number already registered is reported under {@code idNumber}.
     */
    @PreAuthorize(RoleGroup.Guard.SOCIAL_WORKER_WRITERS)
    public Map<String, InvalidValueException> fieldProblems(SocialWorkerDraft draft, boolean update) {
        List<FieldProblem> problems = new ArrayList<>();
        Validated v = validate(draft, update, problems, regions::exists, true);
        Map<String, InvalidValueException> byField = new LinkedHashMap<>();
        problems.forEach(p -> byField.putIfAbsent(p.field(), p.problem()));
        if (v.idNumber() != null
                && !update
                && store.idOfIdNumber(cipher.idNumberIndex(v.idNumber())).isPresent()) {
            byField.putIfAbsent("idNumber", new InvalidValueException(ID_NUMBER_TAKEN));
        }
        return byField;
    }

    private static final List<String> FIELDS = List.of(
            "name",
            "idNumber",
            "phone",
            "qualification",
            "certificateNo",
            "specialties",
            "partyMember",
            "reportedCommunity",
            "availability",
            "regionCode",
            "organisations",
            "servedRegions");

    // ---- validation, shared with the import ----

    /** A problem with one field of a draft. */
    record FieldProblem(String field, InvalidValueException problem) {}

    /** A draft's values after validation (the ID number and phone still clear; encrypted by toRecord). */
    record Validated(
            String name,
            ResidentIdNumber idNumber,
            PhoneNumber phone,
            Qualification qualification,
            String certificateNo,
            Set<Specialty> specialties,
            boolean partyMember,
            RegionCode reportedCommunity,
            Availability availability,
            RegionCode region,
            List<Long> organisationIds,
            List<RegionCode> served) {

        SocialWorkerRecord toRecord(
                long id, SocialWorkerRecord old, SocialWorkerCipher c, String actor, Clock clock, int version) {
            byte[] idCipher = idNumber == null ? old.idNumberCipher() : c.encryptIdNumber(idNumber);
            byte[] idIndex = idNumber == null ? old.idNumberIndex() : c.idNumberIndex(idNumber);
            var sex = idNumber == null ? old.sex() : idNumber.sex();
            var birth = idNumber == null ? old.birthDate() : idNumber.birthDate();
            boolean keepPhone = old != null && phone == null;
            return new SocialWorkerRecord(
                    id,
                    name,
                    idCipher,
                    idIndex,
                    sex,
                    birth,
                    keepPhone ? old.phoneCipher() : c.encryptPhone(phone),
                    keepPhone ? old.phoneIndex() : c.phoneIndex(phone),
                    qualification,
                    certificateNo,
                    partyMember,
                    reportedCommunity == null ? null : reportedCommunity.value(),
                    availability,
                    region,
                    old == null ? null : old.accountId(),
                    specialties,
                    organisationIds,
                    served.stream().map(RegionCode::value).toList(),
                    old == null ? clock.instant() : old.createdAt(),
                    old == null ? actor : old.createdBy(),
                    version);
        }
    }

    private Validated validateOrThrow(SocialWorkerDraft draft, SocialWorkerRecord old) {
        List<FieldProblem> problems = new ArrayList<>();
        Validated v = validate(draft, old != null, problems, regions::exists, true);
        if (!problems.isEmpty()) {
            throw problems.get(0).problem();
        }
        if (v.idNumber() != null) {
            Optional<Long> holder = store.idOfIdNumber(cipher.idNumberIndex(v.idNumber()));
            if (holder.isPresent() && (old == null || !holder.get().equals(old.id()))) {
                throw new InvalidValueException(ID_NUMBER_TAKEN);
            }
        }
        return v;
    }

    /**
     * Checks every field of {@code d}, adding each problem found to {@code problems}; returns the values (null
     * where a field was bad). With {@code checkOrganisations} the organisations must be visible to the caller
     * (the import resolves them in scope itself).
     */
    Validated validate(
            SocialWorkerDraft d,
            boolean update,
            List<FieldProblem> problems,
            Predicate<RegionCode> known,
            boolean checkOrganisations) {
        DataScope scope = currentUser.scope();
        String name = check(problems, "name", () -> text(d.name()));
        ResidentIdNumber id = update && d.idNumber() == null
                ? null
                : check(problems, "idNumber", () -> ResidentIdNumber.parse(d.idNumber() == null ? "" : d.idNumber()));
        PhoneNumber phone = d.phone() == null || d.phone().isBlank()
                ? null
                : check(problems, "phone", () -> PhoneNumber.parse(d.phone()));
        Qualification qualification = check(
                problems,
                "qualification",
                () -> d.qualification() == null || d.qualification().isBlank()
                        ? Qualification.NONE
                        : enumValue(
                                Qualification.class,
                                d.qualification(),
                                "directory.socialWorker.qualification.unknown"));
        String certificate = check(problems, "certificateNo", () -> {
            String s = d.certificateNo() == null ? "" : d.certificateNo().strip();
            if (s.length() > MAX_CERTIFICATE) {
                throw new InvalidValueException("directory.socialWorker.certificateNo.length", MAX_CERTIFICATE);
            }
            if (!s.isEmpty() && qualification == Qualification.NONE) {
                throw new InvalidValueException("directory.socialWorker.certificateNo.withoutQualification");
            }
            PlainText.parse(s);
            return s.isEmpty() ? null : s;
        });
        Set<Specialty> specialties = check(problems, "specialties", () -> {
            Set<Specialty> set = EnumSet.noneOf(Specialty.class);
            for (String s : d.specialties()) {
                set.add(enumValue(Specialty.class, s, "directory.socialWorker.specialty.unknown"));
            }
            return set;
        });
        RegionCode community = !d.partyMember()
                        || d.reportedCommunity() == null
                        || d.reportedCommunity().isBlank()
                ? null
                : check(problems, "reportedCommunity", () -> region(d.reportedCommunity(), known, false));
        if (!d.partyMember()
                && d.reportedCommunity() != null
                && !d.reportedCommunity().isBlank()) {
            problems.add(new FieldProblem(
                    "reportedCommunity",
                    new InvalidValueException("directory.socialWorker.reportedCommunity.partyOnly")));
        }
        Availability availability = check(
                problems,
                "availability",
                () -> d.availability() == null || d.availability().isBlank()
                        ? Availability.ON_DUTY
                        : enumValue(
                                Availability.class, d.availability(), "directory.socialWorker.availability.unknown"));
        RegionCode region = check(problems, "regionCode", () -> region(d.regionCode(), known, true));
        List<Long> orgs = check(problems, "organisations", () -> {
            List<Long> list = List.copyOf(new LinkedHashSet<>(d.organisationIds()));
            if (checkOrganisations) {
                for (Long o : list) {
                    if (o == null || !organisations.isVisible(scope, o)) {
                        throw new InvalidValueException("directory.socialWorker.organisation.unknown", o);
                    }
                }
            }
            Optional<Long> own = ownOrganisationOnly();
            if (own.isPresent() && !list.contains(own.get())) {
                throw new InvalidValueException("directory.socialWorker.organisation.own");
            }
            return list;
        });
        List<RegionCode> served = check(problems, "servedRegions", () -> {
            if (d.servedRegions().size() > MAX_SERVED) {
                throw new InvalidValueException("directory.socialWorker.served.tooMany", MAX_SERVED);
            }
            List<RegionCode> list = new ArrayList<>();
            for (String code : new LinkedHashSet<>(d.servedRegions())) {
                list.add(region(code, known, true));
            }
            return list;
        });
        return new Validated(
                name,
                id,
                phone,
                qualification,
                certificate,
                specialties,
                d.partyMember(),
                community,
                availability,
                region,
                orgs,
                served);
    }

    /** For an agency admin (and no wider writer role): the organisation they are bound to. */
    Optional<Long> ownOrganisationOnly() {
        Optional<StaffPrincipal> p = currentUser.principal();
        if (p.isEmpty()
                || !p.get().has(Role.AGENCY_ADMIN)
                || p.get().has(Role.CIVIL_AFFAIRS_ADMIN)
                || p.get().has(Role.ASSOCIATION_ADMIN)
                || p.get().has(Role.STATION_STAFF)) {
            return Optional.empty();
        }
        return Optional.of(currentUser
                .scope()
                .organisationId()
                .orElseThrow(() -> new InvalidValueException("directory.socialWorker.organisation.own")));
    }

    private static <T> T check(List<FieldProblem> problems, String field, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            problems.add(new FieldProblem(field, e));
            return null;
        }
    }

    private static String text(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new InvalidValueException("directory.socialWorker.name.required");
        }
        if (s.codePointCount(0, s.length()) > MAX_NAME) {
            throw new InvalidValueException("directory.socialWorker.name.length", MAX_NAME);
        }
        return Name.parse(s).value();
    }

    /** Parses an availability name (for the web layer). */
    public static Availability availability(String raw) {
        return enumValue(Availability.class, raw, "directory.socialWorker.availability.unknown");
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String unknownKey) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException(unknownKey, raw);
        }
    }

    private RegionCode region(String raw, Predicate<RegionCode> known, boolean inScope) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("directory.socialWorker.region.required");
        }
        RegionCode code = RegionCode.parse(raw.strip());
        if (!known.test(code)) {
            throw new InvalidValueException("directory.socialWorker.region.unknown", code.value());
        }
        if (inScope && !currentUser.scope().contains(code)) {
            throw new InvalidValueException("directory.socialWorker.region.outOfScope", code.value());
        }
        return code;
    }

    private SocialWorkerRecord load(long id) {
        if (!store.isVisible(currentUser.scope(), id)) {
            throw new SocialWorkerNotFoundException(id);
        }
        return store.find(id).orElseThrow(() -> new SocialWorkerNotFoundException(id));
    }

    private SocialWorkerRecord loadWritable(long id) {
        SocialWorkerRecord w = load(id);
        Optional<Long> own = ownOrganisationOnly();
        if (own.isPresent() && !w.organisationIds().contains(own.get())) {
            throw new InvalidValueException("directory.socialWorker.organisation.own");
        }
        return w;
    }

    private static SensitiveField field(SocialWorkerRecord w, String name) {
        return new SensitiveField("social_worker", Long.toString(w.id()), w.regionCode(), name);
    }

    String actor() {
        return currentUser.principal().map(StaffPrincipal::username).orElseGet(currentUser::username);
    }

    DataScope scope() {
        return currentUser.scope();
    }

    Optional<String> clientAddress() {
        return currentUser.clientAddress();
    }

    private void audit(AuditAction action, long id, RegionCode region, List<String> fields) {
        events.publishEvent(new Activity(
                clock.instant(),
                actor(),
                action,
                "social_worker",
                Long.toString(id),
                region,
                currentUser.clientAddress().orElse(null),
                null,
                fields));
    }
}
