package org.wushe.directory;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.wushe.shared.InvalidValueException;

/**
 * When a volunteer can serve in a usual week: 7 days × 3 {@link TimeSlot}s, stored as a 21-bit mask (bit
 * (day-1)*3 + slot) so "who is free on Tuesday evening" is one indexed-free bit test in SQL.
 * The form and API spell a cell as {@code DAY_SLOT}, e.g. {@code TUESDAY_EVENING}.
 */
public record WeeklySlots(int mask) {

    public static final int ALL = (1 << 21) - 1;
    public static final WeeklySlots NONE = new WeeklySlots(0);

    public WeeklySlots {
        if (mask < 0 || mask > ALL) {
            throw new IllegalArgumentException("mask out of range: " + mask);
        }
    }

    public static int bit(DayOfWeek day, TimeSlot slot) {
        return 1 << ((day.getValue() - 1) * 3 + slot.ordinal());
    }

    /** Parses form/API values; an unknown cell is a localised 400, nothing written. */
    public static WeeklySlots parse(Collection<String> cells) {
        int mask = 0;
        if (cells != null) {
            for (String raw : cells) {
                if (raw == null || raw.isBlank()) {
                    continue;
                }
                mask |= cell(raw.strip().toUpperCase(Locale.ROOT), raw);
            }
        }
        return new WeeklySlots(mask);
    }

    private static int cell(String s, String raw) {
        int cut = s.lastIndexOf('_');
        try {
            return bit(DayOfWeek.valueOf(s.substring(0, cut)), TimeSlot.valueOf(s.substring(cut + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidValueException("directory.volunteer.slot.unknown", raw);
        }
    }

    public boolean has(DayOfWeek day, TimeSlot slot) {
        return (mask & bit(day, slot)) != 0;
    }

    /** Whether a form cell like {@code MONDAY_MORNING} is ticked (used by the templates). */
    public boolean has(String cell) {
        return (mask & cell(cell, cell)) != 0;
    }

    /** The ticked cells in week order, e.g. [MONDAY_MORNING, SATURDAY_EVENING] (what the API shows). */
    public List<String> getCells() {
        List<String> cells = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            for (TimeSlot t : TimeSlot.values()) {
                if (has(d, t)) {
                    cells.add(d + "_" + t);
                }
            }
        }
        return cells;
    }

    public boolean isEmpty() {
        return mask == 0;
    }
}
