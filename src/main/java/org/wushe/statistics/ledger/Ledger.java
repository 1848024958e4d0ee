package org.wushe.statistics.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.platform.ChinaTime;

/**
 * Appends to {@code statistics_service_ledger} and adds the row to its day's roll-up in the same transaction, so
 * the roll-ups never disagree with the ledger. A row already in the ledger (same source, key and kind) is not
 * appended again and adds nothing: that is what makes a redelivered event harmless.
 */
@Component
class Ledger {

    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when the entry was new and is now counted. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean append(LedgerEntry e) {
        LocalDate day = LocalDate.ofInstant(e.occurredAt(), ChinaTime.ZONE);
        // shared: appends run side by side, a rebuild (exclusive) waits for them and they for it
        jdbc.sql("select pg_advisory_xact_lock_shared(?)")
                .param(RollupRebuild.LOCK)
                .query((rs, n) -> 1)
                .list();
        Optional<String> kind = jdbc.sql("""
                        insert into statistics_service_ledger (source, source_key, service_type, community_code,
                            occurred_at, day, organisation_id, organisation_kind, social_worker_id, volunteer_id,
                            person_times, hours, recorded_at)
                        values (:source, :key, :kind, :community, :at, :day, :organisation,
                            coalesce((select o.type from directory_organisation o where o.id = :organisation), 'NONE'),
                            :socialWorker, :volunteer, :personTimes, :hours, :now)
                        on conflict (source, source_key, service_type) do nothing
                        returning organisation_kind""")
                .param("source", e.source().name())
                .param("key", e.sourceKey())
                .param("kind", e.kind().name())
                .param("community", e.communityCode())
                .param("at", Timestamp.from(e.occurredAt()))
                .param("day", day)
                .param("organisation", e.by().organisationId())
                .param("socialWorker", e.by().socialWorkerId())
                .param("volunteer", e.by().volunteerId())
                .param("personTimes", e.personTimes())
                .param("hours", e.hours())
                .param("now", Timestamp.from(clock.instant()))
                .query(String.class)
                .optional();
        kind.ifPresent(organisationKind -> jdbc.sql("""
                        insert into statistics_daily_rollup as r (day, community_code, service_type, organisation_kind,
                            records, person_times, hours)
                        values (:day, :community, :kind, :organisationKind, 1, :personTimes, :hours)
                        on conflict (day, community_code, service_type, organisation_kind) do update
                        set records = r.records + 1, person_times = r.person_times + excluded.person_times,
                            hours = r.hours + excluded.hours""")
                .param("day", day)
                .param("community", e.communityCode())
                .param("kind", e.kind().name())
                .param("organisationKind", organisationKind)
                .param("personTimes", e.personTimes())
                .param("hours", e.hours())
                .update());
        return kind.isPresent();
    }
}
