package org.wushe.access.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** Turns what a form or a JSON body says into roles and a scope, with clear errors for bad input. */
final class AccountForms {

    static final List<Integer> PAGE_SIZES = List.of(10, 20, 50, 100);

    private AccountForms() {}

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("access.account.unknownRole", name);
            }
        }
        return roles;
    }

    static DataScope scope(boolean wholeCountry, List<String> regions, Long organisationId) {
        DataScope scope = wholeCountry
                ? DataScope.country()
                : DataScope.of((regions == null ? List.<String>of() : regions)
                        .stream()
                                .filter(r -> r != null && !r.isBlank())
                                .map(r -> RegionCode.parse(r.strip()))
                                .toList());
        return organisationId == null ? scope : scope.withOrganisation(organisationId);
    }

    static int pageSize(int size) {
        if (!PAGE_SIZES.contains(size)) {
            throw new InvalidValueException("error.pageSize", PAGE_SIZES.toString());
        }
        return size;
    }
}
