package org.wushe.statistics.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The dashboard's parameters as typed: a region (from the cascader or a drill-down link) and a period. A value
 * that cannot be read is put into {@code refused} under its name and replaced by its default, so the page says
 * so under the field and still shows figures.
 */
record DashboardQuery(String region, String from, String to) {

    RegionCode regionCode(Map<String, InvalidValueException> refused) {
        return Area.typed(region, refused);
    }

    Period period(LocalDate today, Map<String, InvalidValueException> refused) {
        Period fallback = Period.lastDays(today);
        LocalDate start = date(from, "from", fallback.from(), refused);
        LocalDate end = date(to, "to", fallback.to(), refused);
        try {
            return new Period(start, end);
        } catch (InvalidValueException e) {
            refused.put("to", e);
            return fallback;
        }
    }

    private static LocalDate date(
            String raw, String field, LocalDate fallback, Map<String, InvalidValueException> refused) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            refused.put(field, new InvalidValueException("statistics.error.date"));
            return fallback;
        }
    }
}
