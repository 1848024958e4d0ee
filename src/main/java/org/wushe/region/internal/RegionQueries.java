package org.wushe.region.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.region.Region;
import org.wushe.region.RegionMatch;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/** Reads of the division tree; every query is one index lookup or one index range. */
@Repository
public class RegionQueries {

    private static final String COLUMNS = """
            r.code, r.name, r.level, r.parent_code,
            exists (select 1 from region_region c where c.parent_code = r.code) as has_children""";

    private final JdbcClient jdbc;

    RegionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> find(RegionCode code) {
        return jdbc.sql("select " + COLUMNS + " from region_region r where r.code = ?")
                .param(code.value())
                .query(RegionQueries::region)
                .optional();
    }

    public List<Region> children(RegionCode code) {
        return jdbc.sql("select " + COLUMNS + " from region_region r where r.parent_code = ? order by r.code")
                .param(code.value())
                .query(RegionQueries::region)
                .list();
    }

    public List<Region> provinces() {
        return jdbc.sql("select " + COLUMNS + " from region_region r where r.parent_code is null order by r.code")
                .query(RegionQueries::region)
                .list();
    }

    /** The listed codes that exist, from the province down. */
    public List<Region> findAll(List<RegionCode> codes) {
        return jdbc.sql("select " + COLUMNS
                        + " from region_region r where r.code = any(?) order by length(r.code), r.code")
                .param(codes.stream().map(RegionCode::value).toArray(String[]::new))
                .query(RegionQueries::region)
                .list();
    }

    /**
     * Regions whose name contains {@code text}, optionally only under {@code within}; exact names first,
     * then higher levels. Each match carries its full name (上海市 / 市辖区 / 徐汇区) from the parent chain.
     */
    public List<RegionMatch> search(String text, Optional<RegionCode> within, int limit) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select %s, concat_ws(' / ', p4.name, p3.name, p2.name, p1.name, r.name) as full_name
                from region_region r
                left join region_region p1 on p1.code = r.parent_code
                left join region_region p2 on p2.code = p1.parent_code
                left join region_region p3 on p3.code = p2.parent_code
                left join region_region p4 on p4.code = p3.parent_code
                where r.name like :pattern
                  and (cast(:within as text) is null
                       or (r.code >= region_prefix(:within) and r.code < region_upper(:within)))
                order by (r.name = :text) desc, length(r.code), r.code
                limit :limit""".formatted(COLUMNS))
                .param("pattern", pattern)
                .param("text", text)
                .param("within", within.map(RegionCode::value).orElse(null))
                .param("limit", limit)
                .query((rs, n) -> new RegionMatch(region(rs, n), rs.getString("full_name")))
                .list();
    }

    public Map<RegionLevel, Long> countsByLevel() {
        Map<RegionLevel, Long> counts = new EnumMap<>(RegionLevel.class);
        jdbc.sql("select level, count(*) as n from region_region group by level")
                .query(rs -> {
                    counts.put(RegionLevel.valueOf(rs.getString("level")), rs.getLong("n"));
                });
        return counts;
    }

    static Region region(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_code");
        return new Region(
                RegionCode.parse(rs.getString("code")),
                rs.getString("name"),
                RegionLevel.valueOf(rs.getString("level")),
                parent == null ? null : RegionCode.parse(parent),
                rs.getBoolean("has_children"));
    }
}
