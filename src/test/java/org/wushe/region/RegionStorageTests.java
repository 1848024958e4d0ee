package org.wushe.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheIntegrationTest;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/** The division data as stored: complete, searchable in Chinese, and scoped by index range scans. */
@WusheIntegrationTest
class RegionStorageTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Regions regions;

    @Test
    void theBuiltInDataSetHoldsTheWholeHierarchyDownToStreets() {
        var counts = regions.countsByLevel();
        assertThat(counts.get(RegionLevel.PROVINCE)).isEqualTo(31);
        assertThat(counts.get(RegionLevel.CITY)).isBetween(330L, 345L);
        assertThat(counts.get(RegionLevel.COUNTY)).isBetween(2_900L, 3_000L);
        assertThat(counts.get(RegionLevel.TOWNSHIP)).isBetween(41_000L, 42_000L);
        assertThat(jdbc.sql("select count(*) from region_region r where r.parent_code is not null and not exists"
                                + " (select 1 from region_region p where p.code = r.parent_code)")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void chineseNamesHaveTrigramsSoTheNameIndexWorks() {
        assertThat(jdbc.sql("select cardinality(show_trgm('徐汇区'))")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    void theSqlSubtreeBoundMatchesTheValueType() {
        for (String code : List.of(
                "310000",
                "310100",
                "310104",
                "310199",
                "441900",
                "310104003",
                "310104999",
                "310104003999",
                "650000",
                "469027")) {
            String sql = jdbc.sql("select region_upper(?)")
                    .param(code)
                    .query(String.class)
                    .single();
            assertThat(sql).as(code).isEqualTo(RegionCode.parse(code).subtreeUpperBound());
            String prefix = jdbc.sql("select region_prefix(?)")
                    .param(code)
                    .query(String.class)
                    .single();
            assertThat(prefix).as(code).isEqualTo(RegionCode.parse(code).prefix());
        }
    }

    @Test
    void everythingUnderADistrictIsAnIndexRangeScan() {
        String plan = String.join("\n", jdbc.sql("""
                explain select code from region_region
                where code >= region_prefix('310104') and code < region_upper('310104')""").query(String.class).list());
        assertThat(plan).contains("Index").contains("region_region_pkey").doesNotContain("Seq Scan");
        long count = jdbc.sql("select count(*) from region_region where code >= region_prefix('310104')"
                        + " and code < region_upper('310104')")
                .query(Long.class)
                .single();
        assertThat(count).isGreaterThanOrEqualTo(15); // the district and its 14 streets (plus imported communities)
    }
}
