package org.wushe.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.audit.AuditEntry;
import org.wushe.audit.AuditQuery;
import org.wushe.shared.AuditAction;

/**
 * Searches of the trail, always limited in SQL to the caller's data scope: a row with no region only matches
 * the whole-country scope (whose predicate is {@code true}; a range never matches null). Newest first.
 */
@Repository
public class AuditQueries {

    private static final String ORDER = " order by occurred_at desc, id desc";

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of matching rows, counting no further than {@code limit}. */
    public long count(AuditQuery query, DataScope scope, long limit) {
        Where where = Where.of(query, scope);
        return jdbc.sql("select count(*) from (select 1 from audit_entry" + where.sql() + " limit :limit) matches")
                .params(where.params())
                .param("limit", limit)
                .query(Long.class)
                .single();
    }

    public List<AuditEntry> page(AuditQuery query, DataScope scope, long offset, int size) {
        Where where = Where.of(query, scope);
        return jdbc.sql("select " + CanonicalRow.COLUMNS + " from audit_entry" + where.sql() + ORDER
                        + " offset :offset limit :size")
                .params(where.params())
                .param("offset", offset)
                .param("size", size)
                .query(AuditQueries::entry)
                .list();
    }

    /** Hands every matching row to {@code sink} through a cursor; call inside a transaction. */
    public long forEach(AuditQuery query, DataScope scope, Consumer<AuditEntry> sink) {
        Where where = Where.of(query, scope);
        long n = 0;
        try (Stream<AuditEntry> rows = jdbc
                .sql("select " + CanonicalRow.COLUMNS + " from audit_entry" + where.sql() + ORDER)
                .params(where.params())
                .withFetchSize(ChainVerifier.FETCH_SIZE)
                .query(AuditQueries::entry)
                .stream()) {
            for (var it = rows.iterator(); it.hasNext(); n++) {
                sink.accept(it.next());
            }
        }
        return n;
    }

    static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        CanonicalRow r = CanonicalRow.read(rs);
        return new AuditEntry(
                r.id(),
                r.occurredAt(),
                r.recordedAt(),
                r.actor(),
                AuditAction.valueOf(r.action()),
                r.entityType(),
                r.entityId(),
                r.regionCode(),
                r.clientAddress(),
                r.reason(),
                r.fields());
    }

    /** The where clause of a query: the scope predicate, then one condition per filter in use. */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(AuditQuery query, DataScope scope) {
            DataScope.ScopePredicate predicate = scope.regionPredicate("region_code");
            List<String> conditions = new ArrayList<>(List.of(predicate.sql()));
            Map<String, Object> params = new LinkedHashMap<>(predicate.params());
            add(conditions, params, "actor = :actor", "actor", query.actor());
            add(conditions, params, "entity_type = :entityType", "entityType", query.entityType());
            add(conditions, params, "entity_id = :entityId", "entityId", query.entityId());
            add(
                    conditions,
                    params,
                    "action = :action",
                    "action",
                    query.action() == null ? null : query.action().name());
            add(
                    conditions,
                    params,
                    "occurred_at >= :from",
                    "from",
                    query.from() == null ? null : query.from().atOffset(ZoneOffset.UTC));
            add(
                    conditions,
                    params,
                    "occurred_at < :to",
                    "to",
                    query.to() == null ? null : query.to().atOffset(ZoneOffset.UTC));
            if (query.region() != null) {
                conditions.add("region_code >= :regionLo and region_code < :regionHi");
                params.put("regionLo", query.region().prefix());
                params.put("regionHi", query.region().subtreeUpperBound());
            }
            return new Where(" where " + String.join(" and ", conditions), params);
        }

        private static void add(
                List<String> conditions, Map<String, Object> params, String condition, String name, Object value) {
            if (value != null) {
                conditions.add(condition);
                params.put(name, value);
            }
        }
    }
}
