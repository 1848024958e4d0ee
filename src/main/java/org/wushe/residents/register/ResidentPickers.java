package org.wushe.residents.register;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.wushe.access.AccountPicker;
import org.wushe.access.CurrentUser;
import org.wushe.access.Role;
import org.wushe.access.RoleGroup;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.platform.PickerOption;
import org.wushe.platform.SqlLike;
import org.wushe.privacy.Masking;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The register's search-as-you-type pickers (fragments/picker.html): a resident's grid worker and social worker,
 * the household to join and the duplicate record to merge — options searched in the caller's scope in SQL, and
 * what a picker's field submitted (an id, or a name typed without script) resolved or refused with a message for
 * the field. Residents' names are masked in the options, and ID numbers shown masked only, so a search shows no
 * personal data in clear and is not audited as a view (the register's list is not either).
 */
@Service
class ResidentPickers {

    /** Who may be a resident's grid worker (what {@link DraftValidation} accepts). */
    static final Set<Role> GRID_WORKER_ROLES = Set.of(Role.COMMUNITY_STAFF, Role.STATION_STAFF);

    static final int LIMIT = 15;
    static final int MAX_TEXT = 50;

    private final AccountPicker accounts;
    private final SocialWorkers socialWorkers;
    private final Residents residents;
    private final ResidentStore store;
    private final HouseholdStore households;
    private final ResidentCipher cipher;
    private final DisplayNames names;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    ResidentPickers(
            AccountPicker accounts,
            SocialWorkers socialWorkers,
            Residents residents,
            ResidentStore store,
            HouseholdStore households,
            ResidentCipher cipher,
            DisplayNames names,
            CurrentUser currentUser,
            MessageSource messages) {
        this.accounts = accounts;
        this.socialWorkers = socialWorkers;
        this.residents = residents;
        this.store = store;
        this.households = households;
        this.cipher = cipher;
        this.names = names;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** The grid worker and social worker a form chose, as ids. */
    record Chosen(Long gridWorker, Long socialWorker) {}

    /** Resolves the form's two pickers; what names nobody (or several) goes into {@code errors} under its field. */
    public Chosen chosen(ResidentForm form, Map<String, String> errors, Locale locale) {
        Long grid = resolve(
                errors,
                "gridWorkerAccountId",
                locale,
                () -> accounts.resolve(form.gridWorkerAccountId(), GRID_WORKER_ROLES, community(form.communityCode())));
        Long socialWorker =
                resolve(errors, "socialWorkerId", locale, () -> socialWorkers.resolve(form.socialWorkerId()));
        return new Chosen(grid, socialWorker);
    }

    private Long resolve(Map<String, String> errors, String field, Locale locale, Supplier<Long> resolution) {
        try {
            return resolution.get();
        } catch (InvalidValueException e) {
            errors.put(field, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
            return null;
        }
    }

    /** The chosen grid worker's name for the picker's field (none for a typed number the search would not offer). */
    public String gridWorkerName(ResidentForm form) {
        Long id = number(form.gridWorkerAccountId());
        return id == null
                ? null
                : accounts.nameOf(id, GRID_WORKER_ROLES, community(form.communityCode()))
                        .orElse(null);
    }

    public String socialWorkerName(ResidentForm form) {
        Long id = number(form.socialWorkerId());
        return id == null ? null : socialWorkers.visibleName(id).orElse(null);
    }

    /** Community and station staff covering {@code communityCode} (when chosen yet and in scope), else in scope. */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    public List<PickerOption> gridWorkers(String text, String communityCode) {
        return accounts.pick(text, GRID_WORKER_ROLES, community(communityCode));
    }

    /** Households of the resident's community whose address or a member's name contains {@code text}. */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    public List<PickerOption> households(long residentId, String text, Locale locale) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_TEXT) {
            return List.of();
        }
        return householdOptions(residentId, SqlLike.contains(t), number(t), LIMIT, locale);
    }

    /** The household a field submitted: its id, or the exact address or member's name of one (without script). */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    public Long household(long residentId, String raw, Locale locale) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty() || number(t) != null) {
            return number(t);
        }
        List<PickerOption> found =
                t.length() > MAX_TEXT ? List.of() : householdOptions(residentId, exact(t), null, 2, locale);
        return single(found, "picker.household", t);
    }

    /** The label of a household for its picker's field, when the caller could pick it. */
    public String householdLabel(long residentId, String raw, Locale locale) {
        Long id = number(raw);
        return id == null
                ? null
                : householdOptions(residentId, "%", id, 1, locale).stream()
                        .filter(o -> o.id() == id)
                        .map(PickerOption::label)
                        .findFirst()
                        .orElse(null);
    }

    private List<PickerOption> householdOptions(long residentId, String pattern, Long id, int limit, Locale locale) {
        RegionCode community = residents.get(residentId).communityCode();
        List<HouseholdStore.Pick> found = households.pick(currentUser.scope(), community, pattern, id, limit);
        Map<String, String> regions = names.regions(List.of(community));
        return found.stream()
                .map(h -> new PickerOption(
                        h.id(),
                        h.headName() == null
                                ? messages.getMessage("residents.household.unnamed", null, locale)
                                : messages.getMessage(
                                        "residents.household.of", new Object[] {Masking.name(h.headName())}, locale),
                        h.address() == null
                                ? regions.get(h.communityCode())
                                : regions.getOrDefault(h.communityCode(), "") + " · " + h.address()))
                .toList();
    }

    /** Other live residents in scope whose name contains {@code text}: masked name, masked ID number, community. */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    public List<PickerOption> duplicates(long residentId, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_TEXT) {
            return List.of();
        }
        return duplicateOptions(residentId, SqlLike.contains(t), t, number(t), LIMIT);
    }

    /** The duplicate a field submitted: its id, or the exact name of one other resident in scope (without script). */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    public Long duplicate(long residentId, String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty() || number(t) != null) {
            return number(t);
        }
        return single(
                t.length() > MAX_TEXT ? List.of() : duplicateOptions(residentId, exact(t), t, null, 2),
                "picker.resident",
                t);
    }

    /** The label of a duplicate for its picker's field, when the caller could pick it. */
    public String duplicateLabel(long residentId, String raw) {
        Long id = number(raw);
        return id == null
                ? null
                : duplicateOptions(residentId, "%", "", id, 1).stream()
                        .filter(o -> o.id() == id)
                        .map(PickerOption::label)
                        .findFirst()
                        .orElse(null);
    }

    private List<PickerOption> duplicateOptions(long residentId, String pattern, String exact, Long id, int limit) {
        residents.get(residentId); // the survivor must be one the caller may see
        List<ResidentStore.Pick> found = store.pick(currentUser.scope(), residentId, pattern, exact, id, limit);
        Map<String, String> regions = names.regions(
                found.stream().map(ResidentStore.Pick::communityCode).toList());
        return found.stream()
                .map(r -> new PickerOption(
                        r.id(),
                        Masking.name(r.name()),
                        cipher.maskedIdNumber(r.idNumberCipher()) + " · "
                                + regions.getOrDefault(r.communityCode(), "")))
                .toList();
    }

    private static Long single(List<PickerOption> found, String keyPrefix, String typed) {
        String shown = typed.length() > MAX_TEXT ? typed.substring(0, 20) + "…" : typed;
        if (found.size() > 1) {
            throw new InvalidValueException(keyPrefix + ".ambiguous", shown);
        }
        return found.stream()
                .findFirst()
                .map(PickerOption::id)
                .orElseThrow(() -> new InvalidValueException(keyPrefix + ".unknown", shown));
    }

    /** The exact text as a like pattern: its own % and _ match themselves. */
    private static String exact(String text) {
        String contains = SqlLike.contains(text);
        return contains.substring(1, contains.length() - 1);
    }

    static Long number(String raw) {
        String t = raw == null ? "" : raw.strip();
        return t.matches("\\d{1,18}") ? Long.valueOf(t) : null;
    }

    private static RegionCode community(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : RegionCode.parse(raw.strip());
        } catch (InvalidValueException malformed) {
            return null;
        }
    }
}
