package org.wushe.requests.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.access.DataScope;
import org.wushe.shared.RegionCode;

/** Which districts an address search may be narrowed to: only where scope and filter both stay within them. */
class WorklistDistrictsTests {

    private static DataScope scope(String... codes) {
        return DataScope.of(List.of(codes).stream().map(RegionCode::parse).toList());
    }

    @Test
    void aStreetOrDistrictScopeNarrowsToItsDistricts() {
        assertThat(WorklistQueries.districts(scope("310104015"), null)).containsExactly("310104");
        assertThat(WorklistQueries.districts(scope("310104", "310101002"), null))
                .containsExactlyInAnyOrder("310104", "310101");
    }

    @Test
    void aScopeAboveDistrictLevelOrTheWholeCountryDoesNotNarrowUnlessTheFilterDoes() {
        assertThat(WorklistQueries.districts(scope("310100"), null)).isEmpty();
        assertThat(WorklistQueries.districts(scope("310104", "320100"), null)).isEmpty();
        assertThat(WorklistQueries.districts(DataScope.country(), null)).isEmpty();
        assertThat(WorklistQueries.districts(DataScope.country(), RegionCode.parse("310104015")))
                .containsExactly("310104");
        assertThat(WorklistQueries.districts(scope("310100"), RegionCode.parse("310100")))
                .isEmpty();
    }

    @Test
    void scopeAndFilterTogetherNarrowToWhatBothAllow() {
        assertThat(WorklistQueries.districts(scope("310104", "310101"), RegionCode.parse("310101002")))
                .containsExactly("310101");
        // "my requests" pass no scope: only the filter can narrow
        assertThat(WorklistQueries.districts(null, RegionCode.parse("310104"))).containsExactly("310104");
        assertThat(WorklistQueries.districts(null, null)).isEmpty();
    }
}
