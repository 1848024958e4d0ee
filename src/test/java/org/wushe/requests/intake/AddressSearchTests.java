package org.wushe.requests.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The searchable part of an address kept in clear text. */
class AddressSearchTests {

    @Test
    void theSearchableAddressDropsTheFlat() {
        assertThat(AddressSearch.searchablePart("建国西路100弄3号502室")).isEqualTo("建国西路100弄3号");
        assertThat(AddressSearch.searchablePart("天平路88号2单元301")).isEqualTo("天平路88号");
        assertThat(AddressSearch.searchablePart("衡山路12号楼")).isEqualTo("衡山路12号楼");
    }
}
