package org.wushe.access.web;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.wushe.access.ApiClientSummary;
import org.wushe.access.ApiPermission;
import org.wushe.access.DataScope;
import org.wushe.access.IssuedApiToken;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** Form and JSON input of API clients turned into permissions and a scope; the JSON shapes. */
final class ApiClientForms {

    private ApiClientForms() {}

    static Set<ApiPermission> permissions(Collection<String> names) {
        Set<ApiPermission> permissions = EnumSet.noneOf(ApiPermission.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                permissions.add(ApiPermission.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("access.apiClient.unknownPermission", name);
            }
        }
        return permissions;
    }

    static DataScope scope(boolean wholeCountry, Collection<String> regions) {
        return AccountForms.scope(wholeCountry, regions == null ? List.of() : List.copyOf(regions), null);
    }

    static List<String> split(String regions) {
        return regions == null || regions.isBlank()
                ? List.of()
                : List.of(regions.strip().split("[,，\\s]+"));
    }

    /** {@code wholeCountry} may be left out (false). */
    record CreateRequest(String name, Boolean wholeCountry, List<String> regions, List<String> permissions) {
        boolean country() {
            return Boolean.TRUE.equals(wholeCountry);
        }
    }

    record ClientView(
            long id,
            String name,
            String username,
            boolean wholeCountry,
            List<String> regions,
            List<String> permissions,
            String createdBy,
            Instant createdAt,
            Instant rotatedAt,
            Instant revokedAt,
            Instant lastUsedAt,
            boolean active) {
        static ClientView of(ApiClientSummary c) {
            return new ClientView(
                    c.id(),
                    c.name(),
                    c.username(),
                    c.scope().wholeCountry(),
                    c.scope().regions().stream().map(RegionCode::value).sorted().toList(),
                    c.permissions().stream().map(Enum::name).sorted().toList(),
                    c.createdBy(),
                    c.createdAt(),
                    c.rotatedAt(),
                    c.revokedAt(),
                    c.lastUsedAt(),
                    c.active());
        }
    }

    /** The only time the token is in a response. */
    record IssuedView(ClientView client, String token) {
        static IssuedView of(IssuedApiToken issued) {
            return new IssuedView(ClientView.of(issued.client()), issued.token());
        }
    }
}
