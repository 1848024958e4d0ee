package org.wushe.residents.visits;

import java.util.Locale;

/** 电话询访 / 视频慰问 / 入户走访. */
public enum VisitKind {
    PHONE,
    VIDEO,
    HOME;

    /**
     * The kind a form or API body names (any case), or null for a blank or unknown one: {@link Visits#record} then
     * refuses it, after its access and resident checks, as it refuses a missing kind.
     */
    static VisitKind parse(String raw) {
        try {
            return raw == null ? null : valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
