package org.wushe.residents.register;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.wushe.residents.RiskLevel;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** The register list's URL parameters (bound by name); blank means no filter. */
record ResidentQuery(
        String category, String community, String risk, String name, Boolean voided, Integer page, Integer size) {

    ResidentFilter toFilter() {
        return new ResidentFilter(
                value(VulnerabilityCategory.class, category),
                blank(community) ? null : RegionCode.parse(community.strip()),
                value(RiskLevel.class, risk),
                blank(name) ? null : name.strip(),
                voided);
    }

    /** The same query without its community (a page shows the community's error at its field, the rest applies). */
    ResidentQuery withoutCommunity() {
        return new ResidentQuery(category, null, risk, name, voided, page, size);
    }

    int pageNumber() {
        return page == null ? 1 : page;
    }

    int pageSize() {
        return size == null ? 20 : size;
    }

    String filters() {
        StringBuilder s = new StringBuilder();
        append(s, "category", category);
        append(s, "community", community);
        append(s, "risk", risk);
        append(s, "name", name);
        append(s, "voided", voided == null ? null : voided.toString());
        return s.toString();
    }

    private static void append(StringBuilder s, String key, String value) {
        if (!blank(value)) {
            s.append(s.isEmpty() ? "" : "&")
                    .append(key)
                    .append('=')
                    .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("error.parameter.invalid", type.getSimpleName());
        }
    }
}
