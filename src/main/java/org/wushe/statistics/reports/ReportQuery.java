package org.wushe.statistics.reports;

import java.time.LocalDate;
import java.util.Map;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * A report's parameters as typed: the day (daily), the month (monthly) and an optional region. What cannot be read
 * is put into {@code refused} under its field, so the page says so in place and the API answers 400.
 */
record ReportQuery(String date, String month, String region) {

    RegionCode regionCode(Map<String, InvalidValueException> refused) {
        if (region == null || region.isBlank()) {
            return null;
        }
        try {
            return RegionCode.parse(region.strip());
        } catch (InvalidValueException e) {
            refused.put("region", new InvalidValueException("statistics.error.region"));
            return null;
        }
    }

    ReportPeriod period(ReportPeriod.ReportKind kind, LocalDate today, Map<String, InvalidValueException> refused) {
        try {
            return kind == ReportPeriod.ReportKind.DAILY
                    ? ReportPeriod.day(date, today)
                    : ReportPeriod.month(month, today);
        } catch (InvalidValueException e) {
            refused.put(kind == ReportPeriod.ReportKind.DAILY ? "date" : "month", e);
            return null;
        }
    }
}
