package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTests {

    private static RegionCode code(String s) {
        return RegionCode.parse(s);
    }

    private static InvalidValueException reject(String raw) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> RegionCode.parse(raw));
        assertThat(e).as("expected rejection of %s", raw).isNotNull();
        return e;
    }

    @ParameterizedTest
    @CsvSource({
        "310000,PROVINCE,,31,32",
        "310100,CITY,310000,3101,3102",
        "310104,COUNTY,310100,310104,310105",
        "310104003,TOWNSHIP,310104,310104003,310104004",
        "310104003001,VILLAGE,310104003,310104003001,310104003002",
        "441900,CITY,440000,4419,4420",
        "441900003,TOWNSHIP,441900,441900003,441900004",
        "429004,COUNTY,429000,429004,429005",
        "310199,COUNTY,310100,310199,310200",
        "319900,CITY,310000,3199,3200",
        "310104999,TOWNSHIP,310104,310104999,310105",
        "310104003999,VILLAGE,310104003,310104003999,310104004",
        "310199999,TOWNSHIP,310199,310199999,310200",
        "310104999999,VILLAGE,310104999,310104999999,310105",
        "820000,PROVINCE,,82,83",
        "710000,PROVINCE,,71,72",
    })
    void levelParentPrefixAndUpperBound(String value, RegionLevel level, String parent, String prefix, String upper) {
        RegionCode c = code(value);
        assertThat(c.value()).isEqualTo(value);
        assertThat(c).hasToString(value);
        assertThat(c.level()).isEqualTo(level);
        assertThat(c.parent().map(RegionCode::value)).isEqualTo(Optional.ofNullable(parent));
        assertThat(c.prefix()).isEqualTo(prefix);
        assertThat(c.subtreeUpperBound()).isEqualTo(upper);
    }

    @Test
    void townshipUnderCityWithoutCountyHasCityParent() {
        RegionCode town = code("441900003");
        assertThat(town.parent()).contains(code("441900"));
        assertThat(town.parent().orElseThrow().level()).isEqualTo(RegionLevel.CITY);
        assertThat(town.ancestors()).containsExactly(code("440000"), code("441900"));
    }

    @Test
    void ancestorsFromProvinceDownToParent() {
        assertThat(code("310104003001").ancestors())
                .containsExactly(code("310000"), code("310100"), code("310104"), code("310104003"));
        assertThat(code("310104").ancestors()).containsExactly(code("310000"), code("310100"));
        assertThat(code("310000").ancestors()).isEmpty();
    }

    @Test
    void containsIsPrefixBasedAndReflexive() {
        RegionCode shanghai = code("310000");
        assertThat(shanghai.contains(shanghai)).isTrue();
        assertThat(shanghai.contains(code("310104003001"))).isTrue();
        assertThat(code("310100").contains(code("310104003"))).isTrue();
        assertThat(code("310104").contains(code("310104003001"))).isTrue();
        assertThat(code("441900").contains(code("441900003"))).isTrue();
        assertThat(code("310100").contains(code("320100"))).isFalse();
        assertThat(code("310104").contains(code("310105"))).isFalse();
        assertThat(code("310104").contains(code("310100"))).isFalse();
        assertThat(code("310104003").contains(code("310104004001"))).isFalse();
    }

    @Test
    void upperBoundMatchesContainsUnderByteOrder() {
        List<RegionCode> all = new ArrayList<>();
        for (String s : new String[] {
            "310000",
            "310100",
            "310104",
            "310105",
            "310199",
            "310200",
            "319900",
            "320000",
            "310104003",
            "310104999",
            "310105001",
            "310104003001",
            "310104003999",
            "310104004001",
            "441900",
            "441900003",
            "441901",
            "440000",
            "442000",
            "310104004",
            "310199999",
            "310104999999",
            "310105999001",
            "310200001"
        }) {
            all.add(code(s));
        }
        for (RegionCode outer : all) {
            for (RegionCode inner : all) {
                boolean inRange = inner.value().compareTo(outer.prefix()) >= 0
                        && inner.value().compareTo(outer.subtreeUpperBound()) < 0;
                assertThat(inRange).as("%s in %s", inner, outer).isEqualTo(outer.contains(inner));
            }
        }
    }

    @Test
    void equalityOrderingAndWhitespace() {
        assertThat(code(" 310104 ")).isEqualTo(code("310104")).hasSameHashCodeAs(code("310104"));
        List<RegionCode> list =
                new ArrayList<>(List.of(code("310104003"), code("310105"), code("310000"), code("310104")));
        list.sort(null);
        assertThat(list).extracting(RegionCode::value).containsExactly("310000", "310104", "310104003", "310105");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void blankIsRejected(String raw) {
        assertThat(reject(raw).messageKey()).isEqualTo(RegionCode.BLANK);
    }

    @ParameterizedTest
    @CsvSource({"3101,4", "3101040,7", "3101040031,10", "3101040030011,13"})
    void wrongLengthIsRejected(String raw, int length) {
        InvalidValueException e = reject(raw);
        assertThat(e.messageKey()).isEqualTo(RegionCode.LENGTH);
        assertThat(e.arguments()).containsExactly(length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31010a", "３１００００", "31-104", "+31010", "310104 03"})
    void nonDigitsAreRejected(String raw) {
        assertThat(reject(raw).messageKey()).isEqualTo(RegionCode.DIGITS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "000000",
                "100000",
                "160000",
                "190000",
                "240000",
                "470000",
                "550000",
                "660000",
                "720000",
                "830000",
                "910000",
                "990000000"
            })
    void unknownProvinceIsRejected(String raw) {
        InvalidValueException e = reject(raw);
        assertThat(e.messageKey()).isEqualTo(RegionCode.PROVINCE);
        assertThat(e.arguments()).containsExactly(raw.substring(0, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"310104000", "310104003000", "310104000001", "441900000"})
    void zeroTailIsRejected(String raw) {
        assertThat(reject(raw).messageKey()).isEqualTo(RegionCode.ZERO_TAIL);
    }
}
