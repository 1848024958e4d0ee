package org.wushe.platform;

import java.time.ZoneId;

/** Instants are stored; dates, "today" and every time shown are Shanghai time (UI.md). */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {}
}
