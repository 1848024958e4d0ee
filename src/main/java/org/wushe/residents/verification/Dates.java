package org.wushe.residents.verification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.wushe.platform.ChinaTime;

/** UI.md: times as {@code yyyy-MM-dd HH:mm} in Asia/Shanghai. */
final class Dates {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private Dates() {}

    static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
