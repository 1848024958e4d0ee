package org.wushe.statistics.ledger;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who delivered a service, as directory ids: from the account that recorded it (its social worker or volunteer
 * record and its organisation), or from a social worker's first organisation when a request named no
 * organisation. Reads the access and directory tables directly, which only this module may do.
 */
@Component
class Deliverers {

    private final JdbcClient jdbc;

    Deliverers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The deliverer behind the account named {@code username}; nobody for the resident or the system. */
    LedgerEntry.Deliverer ofAccount(String username) {
        if (username == null) {
            return LedgerEntry.Deliverer.NOBODY;
        }
        return jdbc.sql("""
                        select coalesce(a.organisation_id, (select min(m.organisation_id)
                                   from directory_social_worker_membership m where m.social_worker_id = sw.id)),
                               sw.id, v.id
                        from access_account a
                        left join directory_social_worker sw on sw.account_id = a.id
                        left join directory_volunteer v on v.account_id = a.id
                        where a.username = ?
                        limit 1""")
                .param(username)
                .query((rs, n) -> new LedgerEntry.Deliverer(
                        rs.getObject(1, Long.class), rs.getObject(2, Long.class), rs.getObject(3, Long.class)))
                .optional()
                .orElse(LedgerEntry.Deliverer.NOBODY);
    }

    /** The organisation a request named, else its social worker's first organisation. */
    LedgerEntry.Deliverer of(Long organisationId, Long socialWorkerId, Long volunteerId) {
        Long organisation = Optional.ofNullable(organisationId)
                .or(() -> Optional.ofNullable(socialWorkerId).flatMap(this::firstOrganisation))
                .orElse(null);
        return new LedgerEntry.Deliverer(organisation, socialWorkerId, volunteerId);
    }

    private Optional<Long> firstOrganisation(long socialWorkerId) {
        return jdbc.sql("select organisation_id from directory_social_worker_membership where social_worker_id = ?"
                        + " order by organisation_id limit 1")
                .param(socialWorkerId)
                .query(Long.class)
                .optional();
    }
}
