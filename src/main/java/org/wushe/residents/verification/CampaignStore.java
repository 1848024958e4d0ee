package org.wushe.residents.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.shared.RegionCode;

/**
 * Campaigns and who may see them. A campaign is visible when its region lies inside the caller's scope or
 * contains it (a community worker sees the district's campaign); its counts are those of the caller's scope.
 */
@Repository
class CampaignStore {

    private final JdbcClient jdbc;

    CampaignStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A campaign's own columns, counts not included. */
    public record CampaignRecord(
            long id,
            String name,
            String source,
            RegionCode region,
            LocalDate deadline,
            String createdBy,
            Instant createdAt) {}

    /** A campaign with the caller's task counts. */
    public record Counted(CampaignRecord campaign, long total, long done) {}

    public long insert(String name, String source, RegionCode region, LocalDate deadline, String actor) {
        return jdbc.sql("insert into residents_campaign (name, source, region_code, deadline, created_by)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(name, source, region.value(), deadline, actor)
                .query(Long.class)
                .single();
    }

    public Optional<CampaignRecord> find(long id, DataScope scope) {
        Visible v = visible(scope);
        return jdbc.sql("select * from residents_campaign c where c.id = :id and " + v.sql())
                .params(v.params())
                .param("id", id)
                .query(this::record)
                .optional();
    }

    /** Campaign by name (demo data). */
    public Optional<Long> idNamed(String name) {
        return jdbc.sql("select id from residents_campaign where name = ? order by id limit 1")
                .param(name)
                .query(Long.class)
                .optional();
    }

    /** The newest campaigns the caller may see, with the task counts of the caller's scope. */
    public List<Counted> list(DataScope scope, int limit) {
        Visible v = visible(scope);
        var tasks = scope.regionPredicate("t.community_code");
        return jdbc.sql("select c.*, n.total, n.done from residents_campaign c"
                        + " cross join lateral (select count(*) as total, count(t.outcome) as done"
                        + " from residents_verification_task t where t.campaign_id = c.id and " + tasks.sql() + ") n"
                        + " where " + v.sql() + " order by c.created_at desc, c.id desc limit :limit")
                .params(v.params())
                .params(tasks.params())
                .param("limit", limit)
                .query((rs, n) -> new Counted(record(rs, n), rs.getLong("total"), rs.getLong("done")))
                .list();
    }

    public Counted counted(CampaignRecord campaign, DataScope scope) {
        var tasks = scope.regionPredicate("t.community_code");
        return jdbc.sql("select count(*) as total, count(t.outcome) as done from residents_verification_task t"
                        + " where t.campaign_id = :id and " + tasks.sql())
                .params(tasks.params())
                .param("id", campaign.id())
                .query((rs, n) -> new Counted(campaign, rs.getLong(1), rs.getLong(2)))
                .single();
    }

    private record Visible(String sql, Map<String, Object> params) {}

    /** In the scope, or an ancestor-or-self of one of the scope's regions. */
    private static Visible visible(DataScope scope) {
        var inside = scope.regionPredicate("c.region_code");
        TreeSet<String> above = new TreeSet<>();
        for (RegionCode root : scope.regions()) {
            root.ancestors().forEach(a -> above.add(a.value()));
            above.add(root.value());
        }
        Map<String, Object> params = new HashMap<>(inside.params());
        params.put("above", new ArrayList<>(above.isEmpty() ? List.of("-") : above));
        return new Visible("(" + inside.sql() + " or c.region_code in (:above))", params);
    }

    private CampaignRecord record(ResultSet rs, int n) throws SQLException {
        return new CampaignRecord(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("source"),
                RegionCode.parse(rs.getString("region_code")),
                rs.getObject("deadline", LocalDate.class),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
