package org.wushe.statistics.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.wushe.shared.InvalidValueException;

/** The days a dashboard counts, both included: at most a year, and not reversed. */
public record Period(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 366;

    public Period {
        if (from.isAfter(to)) {
            throw new InvalidValueException("statistics.period.reversed");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidValueException("statistics.period.tooLong", MAX_DAYS);
        }
    }

    /** The last 30 days up to {@code today}. */
    public static Period lastDays(LocalDate today) {
        return new Period(today.minusDays(29), today);
    }
}
