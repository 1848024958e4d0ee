package org.wushe.requests.worklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.platform.QueryPlans;
import org.wushe.privacy.CryptoService;
import org.wushe.privacy.Masking;
import org.wushe.requests.Category;
import org.wushe.requests.Channel;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.shared.RegionCode;

/**
 * The worklist's SQL from a typed {@link WorklistFilter} (parsing the web form is {@link WorklistQuery}'s job): scoped in SQL by the caller's region predicate (or by assignee for "my requests"), filtered,
 * in the filter's {@link WorklistOrder} (most urgent first by default) with keyset pagination, and the total
 * counted up to {@link #COUNT_CAP}.
 */
@Repository
class WorklistQueries {

    static final int COUNT_CAP = 10_000;
    static final String OPEN = "status not in ('RESOLVED', 'CLOSED', 'CANCELLED')";
    static final String OVERDUE = "(" + OPEN + " and ((first_contact_at is null and first_contact_due < :now)"
            + " or resolution_due < :now))";

    private final JdbcClient jdbc;
    private final CryptoService crypto;
    private final QueryPlans plans;

    WorklistQueries(JdbcClient jdbc, CryptoService crypto, QueryPlans plans) {
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.plans = plans;
    }

    /**
     * Planned per call ({@link QueryPlans#custom}): after five calls PostgreSQL switched the address search to a
     * generic plan that read the scope's whole region range from the btree (165 ms at 10,000,000 requests,
     * against 5–20 ms for the plan made for the parameters), since a generic plan cannot know the range's width.
     */
    WorklistPage page(DataScope scope, Long myAccountId, long viewer, WorklistFilter f, Instant now) {
        return plans.custom(() -> planned(scope, myAccountId, viewer, f, now));
    }

    private static final String COLUMNS = "id, tracking_code, category, priority, status, channel, region_code,"
            + " address_search, submitted_at, first_contact_due, resolution_due, first_contact_at, worker_name,"
            + " volunteer_name, organisation_name, related_request_id,"
            + " (priority = 'P1' and work_due is not null and not exists (select 1 from requests_seen s"
            + " where s.request_id = requests_help_request.id and s.account_id = :viewer)) as unseen";

    /**
     * The urgency order in one ORDER BY (the export): open requests by (work_due, priority, id), then the closed
     * ones (work_due null) newest first — the same order the pages walk in two segments.
     */
    static final String URGENCY_ORDER = "work_due nulls last, case when work_due is not null then priority end,"
            + " case when work_due is not null then id end, id desc";

    private WorklistPage planned(DataScope scope, Long myAccountId, long viewer, WorklistFilter f, Instant now) {
        Where counted = where(scope, myAccountId, f, now);
        Where w = counted.and("true", Map.of("viewer", viewer));
        int limit = f.pageSize() + 1;
        List<HelpRequestRow> rows = new ArrayList<>(
                switch (f.order()) {
                    case NEWEST ->
                        rows(
                                f.after() == null ? w : w.and("id < :after", Map.of("after", f.after())),
                                "id desc",
                                limit,
                                now);
                    case OLDEST ->
                        rows(
                                f.after() == null ? w : w.and("id > :after", Map.of("after", f.after())),
                                "id",
                                limit,
                                now);
                    case URGENCY -> urgent(w, f.after(), limit, now);
                });
        Long next = null;
        if (rows.size() > f.pageSize()) {
            rows.remove(rows.size() - 1);
            next = rows.get(rows.size() - 1).id();
        }
        long total = jdbc.sql("select count(*) from (select 1 from requests_help_request where " + counted.sql
                        + " limit " + (COUNT_CAP + 1) + ") t")
                .params(counted.params)
                .query(Long.class)
                .single();
        return new WorklistPage(rows, next, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    /**
     * The urgency order in two keyset segments: the open requests on (work_due, priority, id) — the cursor's own
     * key is read from its row, so the cursor stays an id — then, when they run out, the closed ones newest first.
     */
    private List<HelpRequestRow> urgent(Where w, Long after, int limit, Instant now) {
        // the cursor's key as parameters: a row comparison with a sub-select could not use the index
        Map<String, Object> key = after == null
                ? null
                : jdbc
                        .sql("select work_due, priority from requests_help_request" + " where id = ?")
                        .param(after)
                        .query()
                        .listOfRows()
                        .stream()
                        .findFirst()
                        .orElse(null);
        boolean inOpen = after == null || key != null && key.get("work_due") != null;
        List<HelpRequestRow> rows = new ArrayList<>();
        if (inOpen) {
            Where open = after == null
                    ? w
                    : w.and(
                            "(work_due, priority, id) > (:dueKey, :priorityKey, :after)",
                            Map.of("dueKey", key.get("work_due"), "priorityKey", key.get("priority"), "after", after));
            rows.addAll(rows(open.and("work_due is not null", Map.of()), "work_due, priority, id", limit, now));
        }
        if (rows.size() < limit) {
            Where closed = w.and("work_due is null", Map.of());
            if (!inOpen) {
                closed = closed.and("id < :after", Map.of("after", after));
            }
            rows.addAll(rows(closed, "id desc", limit - rows.size(), now));
        }
        return rows;
    }

    private List<HelpRequestRow> rows(Where w, String order, int limit, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from requests_help_request where " + w.sql + " order by " + order
                        + " limit :limit")
                .params(w.params)
                .param("limit", limit)
                .query((rs, n) -> row(rs, now))
                .list();
    }

    /** Every row of the filter (for the export), streamed in the filter's order. */
    void each(DataScope scope, long viewer, WorklistFilter f, Instant now, int limit, Consumer<HelpRequestRow> sink) {
        Where w = where(scope, null, f, now).and("true", Map.of("viewer", viewer));
        String order = switch (f.order()) {
            case NEWEST -> "id desc";
            case OLDEST -> "id";
            case URGENCY -> URGENCY_ORDER;
        };
        plans.custom(() -> {
            jdbc.sql("select " + COLUMNS + " from requests_help_request where " + w.sql + " order by " + order
                            + " limit " + limit)
                    .params(w.params)
                    .query((ResultSet rs) -> {
                        sink.accept(row(rs, now));
                    });
            return null;
        });
    }

    /** The id of the newest request the caller can see (the live worklist polls it to know when to refresh). */
    Optional<Long> newestId(DataScope scope, Long myAccountId, WorklistFilter f, Instant now) {
        Where w = where(scope, myAccountId, f, now);
        return plans.custom(() -> jdbc.sql("select max(id) from requests_help_request where " + w.sql)
                .params(w.params)
                .query(Long.class)
                .optional());
    }

    private record Where(String sql, Map<String, Object> params) {
        Where and(String condition, Map<String, Object> more) {
            Map<String, Object> all = new LinkedHashMap<>(params);
            all.putAll(more);
            return new Where(sql + " and " + condition, all);
        }
    }

    private Where where(DataScope scope, Long myAccountId, WorklistFilter f, Instant now) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (myAccountId != null) {
            parts.add("(worker_account_id = :me or volunteer_account_id = :me)");
            params.put("me", myAccountId);
        } else {
            var predicate = scope.regionPredicate("region_code");
            parts.add(predicate.sql());
            params.putAll(predicate.params());
        }
        params.put("now", Timestamp.from(now));
        if (f.status() != null) {
            parts.add("status = :status");
            params.put("status", f.status().name());
        }
        if (f.priority() != null) {
            parts.add("priority = :priority");
            params.put("priority", f.priority().name());
        }
        if (f.category() != null) {
            parts.add("category = :category");
            params.put("category", f.category().name());
        }
        RegionCode region = f.region();
        if (region != null) {
            parts.add("region_code >= :rlo and region_code < :rhi");
            params.put("rlo", region.prefix());
            params.put("rhi", region.subtreeUpperBound());
        }
        if (f.unassigned()) {
            parts.add("worker_id is null and volunteer_id is null and organisation_id is null");
        } else if (f.workerId() != null) {
            parts.add("worker_id = :workerId");
            params.put("workerId", f.workerId());
        }
        if (f.overdue()) {
            parts.add(OVERDUE);
        }
        if (f.open()) {
            parts.add(OPEN);
        }
        if (f.trackingCode() != null) {
            parts.add("tracking_code = :code");
            params.put("code", f.trackingCode());
        }
        if (f.phone() != null) {
            parts.add("phone_index = :phoneIndex");
            params.put("phoneIndex", crypto.blindIndex("phone", f.phone().value()));
        }
        if (f.address() != null) {
            parts.add("address_search like :address");
            params.put(
                    "address",
                    "%" + f.address().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            // Redundant with the scope's ranges, but it lets the address index look only at the districts that
            // can match: a substring alone matched city-wide and 95 % of the rows read were then thrown away.
            Set<String> districts = districts(myAccountId == null ? scope : null, region);
            if (!districts.isEmpty()) {
                parts.add("left(region_code, 6) = any(:districts)");
                params.put("districts", districts.toArray(String[]::new));
            }
        }
        return new Where(String.join(" and ", parts), params);
    }

    /**
     * The districts (6-digit codes) a query is confined to by the caller's scope or the region filter (both, when
     * both are), or none when neither stays within districts: a city-wide scope with no filter, or "my requests"
     * (no scope passed) with none.
     */
    static Set<String> districts(DataScope scope, RegionCode regionFilter) {
        Set<String> fromFilter = regionFilter != null && regionFilter.prefix().length() >= 6
                ? Set.of(regionFilter.prefix().substring(0, 6))
                : null;
        Set<String> fromScope = null;
        if (scope != null
                && !scope.wholeCountry()
                && scope.regions().stream().allMatch(r -> r.prefix().length() >= 6)) {
            fromScope = new TreeSet<>();
            for (RegionCode r : scope.regions()) {
                fromScope.add(r.prefix().substring(0, 6));
            }
        }
        if (fromFilter == null) {
            return fromScope == null ? Set.of() : fromScope;
        }
        if (fromScope == null) {
            return fromFilter;
        }
        Set<String> both = new TreeSet<>(fromScope);
        both.retainAll(fromFilter);
        // an empty intersection matches nothing anyway (the scope's ranges see to that); keep the index usable
        return both.isEmpty() ? fromFilter : both;
    }

    private static HelpRequestRow row(ResultSet rs, Instant now) throws SQLException {
        Instant firstDue = rs.getTimestamp("first_contact_due").toInstant();
        Instant resolutionDue = rs.getTimestamp("resolution_due").toInstant();
        HelpRequestStatus status = HelpRequestStatus.valueOf(rs.getString("status"));
        boolean contacted = rs.getTimestamp("first_contact_at") != null;
        boolean overdue = status.open() && ((!contacted && firstDue.isBefore(now)) || resolutionDue.isBefore(now));
        List<String> handlers = new ArrayList<>();
        if (rs.getString("organisation_name") != null) {
            handlers.add(rs.getString("organisation_name"));
        }
        if (rs.getString("worker_name") != null) {
            handlers.add(Masking.name(rs.getString("worker_name")));
        }
        if (rs.getString("volunteer_name") != null) {
            handlers.add(Masking.name(rs.getString("volunteer_name")));
        }
        return new HelpRequestRow(
                rs.getLong("id"),
                rs.getString("tracking_code"),
                Category.valueOf(rs.getString("category")),
                Priority.valueOf(rs.getString("priority")),
                status,
                Channel.valueOf(rs.getString("channel")),
                RegionCode.parse(rs.getString("region_code")),
                rs.getString("address_search"),
                rs.getTimestamp("submitted_at").toInstant(),
                firstDue,
                resolutionDue,
                overdue,
                String.join("、", handlers),
                rs.getObject("related_request_id", Long.class),
                rs.getBoolean("unseen"));
    }
}
