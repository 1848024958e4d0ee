package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.shared.RegionCode;

class DataScopeTests {

    static DataScope of(String... codes) {
        return DataScope.of(List.of(codes).stream().map(RegionCode::parse).toList());
    }

    @Test
    void thePredicateIsOneRangePerRegionRoot() {
        var predicate = of("310104", "310101").regionPredicate("r.region_code");
        assertThat(predicate.sql())
                .isEqualTo("((r.region_code >= :scope_lo0 and r.region_code < :scope_hi0)"
                        + " or (r.region_code >= :scope_lo1 and r.region_code < :scope_hi1))");
        assertThat(predicate.params())
                .containsEntry("scope_lo0", "310101")
                .containsEntry("scope_hi0", "310102")
                .containsEntry("scope_lo1", "310104")
                .containsEntry("scope_hi1", "310105");
        assertThat(DataScope.country().regionPredicate("c").sql()).isEqualTo("true");
        assertThat(DataScope.none().regionPredicate("c").sql()).isEqualTo("false");
    }

    @Test
    void containsAndCovers() {
        DataScope city = of("310100");
        assertThat(city.contains(RegionCode.parse("310104003001"))).isTrue();
        assertThat(city.contains(RegionCode.parse("320100"))).isFalse();
        assertThat(city.covers(of("310101", "310104"))).isTrue();
        assertThat(of("310101").covers(of("310101", "310104"))).isFalse();
        assertThat(of("310101").covers(DataScope.country())).isFalse();
        assertThat(DataScope.country().covers(city)).isTrue();
    }
}
