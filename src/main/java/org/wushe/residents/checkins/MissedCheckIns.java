package org.wushe.residents.checkins;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.access.RoleGroup;
import org.wushe.platform.ChinaTime;
import org.wushe.privacy.Masking;
import org.wushe.residents.register.Residents;
import org.wushe.shared.InvalidValueException;

/**
 * Today's missed check-ins of the caller's scope (the MISSED alerts the job raised for today, one a resident), the
 * list the grid workers call down; newest alert first. The home page's workbench counts the same rows.
 */
@Component
class MissedCheckIns {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    MissedCheckIns(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** name is masked (张*明): the list is for calling round, the resident's page reveals with a reason. */
    record Row(long residentId, String name, String communityCode, Instant raisedAt) {}

    record Page(LocalDate day, List<Row> rows, int page, int size, long total) {
        public int totalPages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    Page today(int page, int size) {
        if (!Residents.PAGE_SIZES.contains(size)) {
            throw new InvalidValueException("error.pageSize", Residents.PAGE_SIZES.toString());
        }
        LocalDate day = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        var in = currentUser.scope().regionPredicate("a.community_code");
        String from =
                " from residents_checkin_alert a where a.check_date = :day and a.level = 'MISSED' and " + in.sql();
        long total = jdbc.sql("select count(*)" + from)
                .params(in.params())
                .param("day", day)
                .query(Long.class)
                .single();
        int shown = (int) Math.max(1, Math.min(Math.max(1, page), (total + size - 1) / size));
        List<Row> rows = jdbc.sql("select a.resident_id, r.name, a.community_code, a.raised_at from"
                        + " residents_checkin_alert a join residents_resident r on r.id = a.resident_id"
                        + " where a.check_date = :day and a.level = 'MISSED' and " + in.sql()
                        + " order by a.raised_at desc, a.resident_id offset :offset limit :limit")
                .params(in.params())
                .param("day", day)
                .param("offset", (long) (shown - 1) * size)
                .param("limit", size)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        Masking.name(rs.getString(2)),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        return new Page(day, rows, shown, size, total);
    }
}
