package org.wushe.statistics.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the daily roll-ups from the ledger, in one transaction: readers see the old figures until it
 * commits, then the new ones. The listeners take the same advisory lock (shared) so no row is appended to a
 * roll-up that is being replaced; two rebuilds never run at once. Public for the benchmark (P5).
 */
@Component
public class RollupRebuild {

    /** The advisory lock key of the roll-ups ('stat' in ASCII). */
    static final long LOCK = 0x73746174L;

    private final JdbcClient jdbc;

    RollupRebuild(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of roll-up rows written. */
    @Transactional
    public long rebuild() {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(LOCK)
                .query((rs, n) -> 1)
                .list();
        jdbc.sql("delete from statistics_daily_rollup").update();
        return jdbc.sql("""
                        insert into statistics_daily_rollup (day, community_code, service_type, organisation_kind,
                            records, person_times, hours)
                        select day, community_code, service_type, organisation_kind, count(*), sum(person_times),
                               sum(hours)
                        from statistics_service_ledger
                        group by day, community_code, service_type, organisation_kind""").update();
    }
}
