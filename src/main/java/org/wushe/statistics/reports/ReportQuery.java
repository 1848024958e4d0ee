package org.wushe.statistics.reports;

import java.time.LocalDate;
import java.util.Map;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;
import org.wushe.statistics.dashboard.Area;

/**
 * A report's parameters as typed: the day (daily), the month (monthly) and an optional region. What cannot be read
 * is put into {@code refused} under its field, so the page says so in place and the API answers 400.
 */
record ReportQuery(String date, String month, String region) {

    RegionCode regionCode(Map<String, InvalidValueException> refused) {
        return Area.typed(region, refused);
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
