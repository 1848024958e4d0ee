package org.wushe.statistics.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.wushe.platform.ChinaTime;
import org.wushe.shared.InvalidValueException;

/**
 * The days a report counts, both included: one day (日报) or one calendar month (月报), never in the future (a
 * report of days that have not begun would show zeros as if they were figures). {@code label} names it in the
 * workbook and the audit trail: {@code 2026-12-08} or {@code 2026-12}.
 */
record ReportPeriod(ReportKind kind, LocalDate from, LocalDate to, String label) {

    enum ReportKind {
        DAILY,
        MONTHLY
    }

    /** The day typed as {@code yyyy-MM-dd}; refused when blank, unreadable or after {@code today}. */
    static ReportPeriod day(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("statistics.report.error.dateRequired");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("statistics.error.date");
        }
        if (day.isAfter(today)) {
            throw new InvalidValueException("statistics.report.error.futureDate", today);
        }
        return new ReportPeriod(ReportKind.DAILY, day, day, day.toString());
    }

    /** The month typed as {@code yyyy-MM} (what a month input sends); refused when blank, unreadable or to come. */
    static ReportPeriod month(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("statistics.report.error.monthRequired");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("statistics.report.error.month");
        }
        if (month.isAfter(YearMonth.from(today))) {
            throw new InvalidValueException("statistics.report.error.futureMonth", YearMonth.from(today));
        }
        return new ReportPeriod(ReportKind.MONTHLY, month.atDay(1), month.atEndOfMonth(), month.toString());
    }

    /** The first instant of the period (China time). */
    Instant start() {
        return from.atStartOfDay(ChinaTime.ZONE).toInstant();
    }

    /** The first instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
    }
}
