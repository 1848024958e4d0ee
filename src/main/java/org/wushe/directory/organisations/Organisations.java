package org.wushe.directory.organisations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.DataScope;
import org.wushe.access.KnownRegions;
import org.wushe.access.RoleGroup;
import org.wushe.access.StaffPrincipal;
import org.wushe.directory.OrgType;
import org.wushe.directory.RegionNames;
import org.wushe.platform.InvalidParameterException;
import org.wushe.platform.PickerOption;
import org.wushe.privacy.SensitiveData;
import org.wushe.privacy.SensitiveField;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.CreditCode;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.Name;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.PlainText;
import org.wushe.shared.RegionCode;

/**
 * The organisations of the directory. Civil affairs, associations and stations create, edit, suspend and
 * re-activate them inside their data scope; only civil affairs verifies. Every staff role reads, scoped in SQL
 * by the organisation's region; an organisation outside the scope does not exist for the caller.
 */
@Service
public class Organisations {

    public static final List<Integer> PAGE_SIZES = List.of(10, 20, 50, 100);
    /** An xlsx sheet holds 1,048,576 rows; a larger export must be narrowed first. */
    public static final int EXPORT_LIMIT = 100_000;

    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 200;
    static final int MAX_PERSON = 50;
    static final int MAX_SERVED = 200;

    /** The fields a create or an update writes, as the audit trail names them. */
    private static final List<String> FIELDS = List.of(
            "type",
            "name",
            "creditCode",
            "regionCode",
            "address",
            "contactPerson",
            "contactPhone",
            "publicPhone",
            "parentId",
            "servedRegions");

    private final OrganisationRepository repository;
    private final OrganisationQueries queries;
    private final OrganisationFactory factory;
    private final KnownRegions regions;
    private final RegionNames regionNames;
    private final CurrentUser currentUser;
    private final SensitiveData sensitiveData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organisations(
            OrganisationRepository repository,
            OrganisationQueries queries,
            OrganisationFactory factory,
            KnownRegions regions,
            RegionNames regionNames,
            CurrentUser currentUser,
            SensitiveData sensitiveData,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.queries = queries;
        this.factory = factory;
        this.regions = regions;
        this.regionNames = regionNames;
        this.currentUser = currentUser;
        this.sensitiveData = sensitiveData;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(RoleGroup.Guard.ORGANISATION_WRITERS)
    @Transactional
    public long create(OrganisationDraft draft) {
        Organisation organisation = factory.newOrganisation(actor(), clock.instant());
        apply(organisation, draft, null);
        organisation = repository.save(organisation);
        audit(AuditAction.CREATE, organisation, FIELDS);
        return organisation.id();
    }

    @PreAuthorize(RoleGroup.Guard.ORGANISATION_WRITERS)
    @Transactional
    public void update(long id, OrganisationDraft draft) {
        Organisation organisation = load(id);
        apply(organisation, draft, id);
        repository.save(organisation);
        audit(AuditAction.UPDATE, organisation, FIELDS);
    }

    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public OrganisationDetails get(long id) {
        Organisation o = load(id);
        String parentName = o.parentId() == null || !queries.isVisible(currentUser.scope(), o.parentId())
                ? null
                : queries.nameOf(o.parentId()).orElse(null);
        return new OrganisationDetails(
                o.id(),
                o.type(),
                o.name(),
                o.creditCode(),
                o.regionCode().value(),
                o.address(),
                o.contactPerson(),
                factory.maskedPhone(o),
                o.publicPhone(),
                o.parentId(),
                parentName,
                o.servedRegions(),
                o.status(),
                o.verifiedAt(),
                o.verifiedBy(),
                o.createdAt(),
                o.createdBy());
    }

    /** At most this many options answer a picker's search. */
    public static final int PICKER_LIMIT = 15;

    /**
     * The picker's options: organisations in the caller's scope whose name contains {@code text} (or whose id it
     * is), the region named as the detail; none for blank text. Names of organisations are no personal data.
     */
    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public List<PickerOption> pick(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_NAME) {
            return List.of();
        }
        List<OrganisationRow> rows = queries.search(currentUser.scope(), t, PICKER_LIMIT);
        var names =
                regionNames.of(rows.stream().map(OrganisationRow::regionCode).toList());
        return rows.stream()
                .map(r -> new PickerOption(r.id(), r.name(), names.getOrDefault(r.regionCode(), r.regionCode())))
                .toList();
    }

    /**
     * What a picker field submitted, as an organisation id: the id itself, or the exact name (or credit code) of
     * one organisation in the caller's scope (the field without script); null for blank. An unknown or ambiguous
     * name is refused with a message for the field.
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
        if (t.length() > MAX_NAME) {
            throw new InvalidValueException("picker.organisation.unknown", t.substring(0, 20) + "…");
        }
        List<Long> ids = queries.organisationsNamed(currentUser.scope(), t);
        if (ids.size() > 1) {
            throw new InvalidValueException("picker.organisation.ambiguous", t);
        }
        return ids.stream().findFirst().orElseThrow(() -> new InvalidValueException("picker.organisation.unknown", t));
    }

    /** The name of an organisation the caller may see (for a picker showing a chosen id). */
    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public Optional<String> visibleName(long id) {
        return queries.isVisible(currentUser.scope(), id) ? queries.nameOf(id) : Optional.empty();
    }

    /** One page (1-based; beyond the last page gives the last) with the total the caller may see. */
    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public OrganisationPage list(OrganisationFilter filter, int page, int size) {
        if (!PAGE_SIZES.contains(size)) {
            throw new InvalidValueException("error.pageSize", PAGE_SIZES.toString());
        }
        DataScope scope = currentUser.scope();
        long total = queries.count(scope, filter, Long.MAX_VALUE);
        int shown = (int) Math.max(1, Math.min(Math.max(1, page), (total + size - 1) / size));
        return new OrganisationPage(queries.page(scope, filter, (long) (shown - 1) * size, size), shown, size, total);
    }

    @PreAuthorize(RoleGroup.Guard.ORGANISATION_WRITERS)
    @Transactional
    public void suspend(long id) {
        changeStatus(id, Organisation::suspend);
    }

    @PreAuthorize(RoleGroup.Guard.ORGANISATION_WRITERS)
    @Transactional
    public void activate(long id) {
        changeStatus(id, Organisation::activate);
    }

    private void changeStatus(long id, Consumer<Organisation> change) {
        Organisation organisation = load(id);
        checkWritable(organisation.regionCode());
        change.accept(organisation);
        repository.save(organisation);
        audit(AuditAction.UPDATE, organisation, List.of("status"));
    }

    /** Civil affairs vouches for the organisation (only a civil-affairs admin, inside their scope). */
    @PreAuthorize(RoleGroup.Guard.CIVIL_AFFAIRS)
    @Transactional
    public void verify(long id) {
        Organisation organisation = load(id);
        organisation.verify(actor(), clock.instant());
        repository.save(organisation);
        audit(AuditAction.UPDATE, organisation, List.of("verifiedAt", "verifiedBy"));
    }

    /** The contact phone in clear: needs a reason, and the audit trail records who saw it and why. */
    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    public String revealContactPhone(long id, String reason) {
        Organisation organisation = load(id);
        return sensitiveData.reveal(
                new SensitiveField("organisation", Long.toString(id), organisation.regionCode(), "contactPhone"),
                reason,
                () -> factory.clearPhone(organisation));
    }

    /**
     * Hands every matching row to {@code sink}, in list order, and records the export. The transaction commits
     * even if the sink fails half-way (it only reads), so an interrupted export is still recorded.
     */
    @PreAuthorize(RoleGroup.Guard.DIRECTORY_READERS)
    @Transactional(noRollbackFor = Exception.class)
    public long export(OrganisationFilter filter, Consumer<OrganisationRow> sink) {
        DataScope scope = currentUser.scope();
        if (queries.count(scope, filter, EXPORT_LIMIT + 1L) > EXPORT_LIMIT) {
            throw new InvalidValueException("directory.export.tooMany", EXPORT_LIMIT);
        }
        RegionCode region = filter.region() != null
                ? filter.region()
                : scope.regions().size() == 1 ? scope.regions().iterator().next() : null;
        events.publishEvent(new Activity(
                clock.instant(),
                actor(),
                AuditAction.EXPORT,
                "organisation",
                null,
                region,
                currentUser.clientAddress().orElse(null),
                null,
                filter.applied()));
        return queries.forEach(scope, filter, sink);
    }

    private void apply(Organisation organisation, OrganisationDraft d, Long selfId) {
        OrgType type = type(d.type());
        String name = field(
                "name",
                () -> text(
                        d.name(),
                        MAX_NAME,
                        "directory.organisation.name.required",
                        "directory.organisation.name.length"));
        CreditCode creditCode =
                d.creditCode() == null || d.creditCode().isBlank() ? null : CreditCode.parse(d.creditCode());
        RegionCode region = region(d.regionCode(), "directory.organisation.region.unknown");
        checkWritable(region);
        String address =
                field("address", () -> optionalText(d.address(), MAX_ADDRESS, "directory.organisation.address.length"));
        String person = field("contactPerson", () -> {
            String p = optionalText(d.contactPerson(), MAX_PERSON, "directory.organisation.contactPerson.length");
            return p == null ? null : Name.parse(p).value();
        });
        boolean keepPhone = selfId != null && d.contactPhone() == null; // an update without a phone keeps it
        PhoneNumber phone =
                d.contactPhone() == null || d.contactPhone().isBlank() ? null : PhoneNumber.parse(d.contactPhone());
        String publicPhone = PublicPhone.parse(d.publicPhone());
        if (creditCode != null) {
            Optional<Long> holder = queries.idOfCreditCode(creditCode.value());
            if (holder.isPresent() && !holder.get().equals(selfId)) {
                throw new InvalidValueException("directory.organisation.creditCode.taken");
            }
        }
        if (d.parentId() != null) {
            if (!queries.isVisible(currentUser.scope(), d.parentId())) {
                throw new InvalidValueException("directory.organisation.parent.unknown", d.parentId());
            }
            if (selfId != null && queries.isSelfOrDescendant(d.parentId(), selfId)) {
                throw new InvalidValueException("directory.organisation.parent.cycle");
            }
        }
        if (d.servedRegions().size() > MAX_SERVED) {
            throw new InvalidValueException("directory.organisation.served.tooMany", MAX_SERVED);
        }
        List<RegionCode> served = new ArrayList<>();
        for (String code : d.servedRegions()) {
            RegionCode r = region(code, "directory.organisation.served.unknown");
            checkWritable(r);
            served.add(r);
        }
        factory.describe(
                organisation,
                type,
                name,
                creditCode,
                region,
                address,
                person,
                phone,
                keepPhone,
                publicPhone,
                d.parentId(),
                served);
    }

    private static OrgType type(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("directory.organisation.type.required");
        }
        try {
            return OrgType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("directory.organisation.type.unknown");
        }
    }

    private RegionCode region(String raw, String unknownKey) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("directory.organisation.region.required");
        }
        RegionCode code = RegionCode.parse(raw);
        if (!regions.exists(code)) {
            throw new InvalidValueException(unknownKey, code.value());
        }
        return code;
    }

    /** A region written to must lie in the caller's scope (else the write is refused as a bad value). */
    private void checkWritable(RegionCode region) {
        if (!currentUser.scope().contains(region)) {
            throw new InvalidValueException("directory.organisation.region.outOfScope", region.value());
        }
    }

    private static String text(String raw, int max, String requiredKey, String lengthKey) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new InvalidValueException(requiredKey);
        }
        if (s.codePointCount(0, s.length()) > max) {
            throw new InvalidValueException(lengthKey, max);
        }
        return Name.parse(s).value();
    }

    /**
     * A problem of the shared text rules ({@link PlainText}, {@link Name}) carries no field of its own: name it, so
     * the form shows it under the field and the API under errors.
     */
    private static String field(String field, Supplier<String> value) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            if (e.messageKey().startsWith("value.text.") || e.messageKey().startsWith("value.name.")) {
                throw new InvalidParameterException(field, e);
            }
            throw e;
        }
    }

    private static String optionalText(String raw, int max, String lengthKey) {
        String s = raw == null ? "" : raw.strip();
        if (s.codePointCount(0, s.length()) > max) {
            throw new InvalidValueException(lengthKey, max);
        }
        PlainText.parse(s);
        return s.isEmpty() ? null : s;
    }

    private Organisation load(long id) {
        if (!queries.isVisible(currentUser.scope(), id)) {
            throw new OrganisationNotFoundException(id);
        }
        return repository.findById(id).orElseThrow(() -> new OrganisationNotFoundException(id));
    }

    private String actor() {
        return currentUser.principal().map(StaffPrincipal::username).orElseGet(currentUser::username);
    }

    private void audit(AuditAction action, Organisation organisation, List<String> fields) {
        events.publishEvent(new Activity(
                clock.instant(),
                actor(),
                action,
                "organisation",
                organisation.id().toString(),
                organisation.regionCode(),
                currentUser.clientAddress().orElse(null),
                null,
                fields));
    }
}
