package org.wushe.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.internal.AccountQueries;
import org.wushe.access.internal.AccountQueries.Pickable;
import org.wushe.platform.PickerOption;
import org.wushe.platform.SqlLike;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * Choosing a staff account by name instead of by number (a resident's grid worker, a case's worker and
 * supervisor): the search-as-you-type picker's options and the resolution of what its field submitted. Only
 * accounts holding one of the wanted roles, and only those whose scope covers the given region — when the
 * caller may see that region — or else those the caller may see, all decided in SQL. Options carry the display
 * name and the region of the account's scope, never the username or phone.
 */
@Service
public class AccountPicker {

    /** At most this many options answer a search. */
    public static final int LIMIT = 15;

    static final int MAX_TEXT = 50;

    private final AccountQueries queries;
    private final CurrentUser currentUser;
    private final KnownRegions regions;

    AccountPicker(AccountQueries queries, CurrentUser currentUser, KnownRegions regions) {
        this.queries = queries;
        this.currentUser = currentUser;
        this.regions = regions;
    }

    /** The options for {@code text} (part of a display name); none for blank text. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<PickerOption> pick(String text, Set<Role> roles, RegionCode covering) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_TEXT || roles.isEmpty()) {
            return List.of();
        }
        List<Pickable> found = queries.pickable(
                currentUser.scope(), roles, coveringInScope(covering), SqlLike.contains(t), t, null, LIMIT);
        Map<RegionCode, String> names = regions.names(found.stream()
                .map(Pickable::regionCode)
                .filter(c -> c != null)
                .map(RegionCode::parse)
                .toList());
        return found.stream()
                .map(p -> new PickerOption(
                        p.id(),
                        p.displayName(),
                        p.regionCode() == null
                                ? null
                                : names.getOrDefault(RegionCode.parse(p.regionCode()), p.regionCode())))
                .toList();
    }

    /**
     * What the picker's field submitted, as an account id: the id itself (whoever checks the choice checks it is
     * allowed), or the exact display name of one account the search would offer (the field without script);
     * null for blank. An unknown or ambiguous name is refused with {@code picker.account.unknown / .ambiguous}.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Long resolve(String raw, Set<Role> roles, RegionCode covering) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("\\d{1,18}")) {
            return Long.valueOf(t);
        }
        String shown = t.length() > MAX_TEXT ? t.substring(0, 20) + "…" : t;
        if (t.length() > MAX_TEXT) {
            throw new InvalidValueException("picker.account.unknown", shown);
        }
        // the exact name as a like pattern: contains() without its two wildcards, so % and _ match themselves
        String exact = SqlLike.contains(t);
        List<Pickable> found = queries.pickable(
                currentUser.scope(),
                roles,
                coveringInScope(covering),
                exact.substring(1, exact.length() - 1),
                t,
                null,
                2);
        if (found.size() > 1) {
            throw new InvalidValueException("picker.account.ambiguous", shown);
        }
        return found.stream()
                .findFirst()
                .map(Pickable::id)
                .orElseThrow(() -> new InvalidValueException("picker.account.unknown", shown));
    }

    /**
     * The display name of account {@code id} when the search would offer it (a picker showing a chosen id again,
     * e.g. when another field of the form was refused); empty otherwise, so a typed number reveals no name.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<String> nameOf(long id, Set<Role> roles, RegionCode covering) {
        return queries.pickable(currentUser.scope(), roles, coveringInScope(covering), "%", "", id, 1).stream()
                .findFirst()
                .map(Pickable::displayName);
    }

    /** A region outside the caller's scope counts as none: nobody learns who serves a place they may not see. */
    private String coveringInScope(RegionCode covering) {
        return covering != null && currentUser.scope().contains(covering) ? covering.value() : null;
    }
}
