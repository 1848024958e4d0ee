package org.wushe.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Display masks as UI.md shows them; a value that does not parse is still masked, blank gives blank. */
class MaskingTests {

    @ParameterizedTest
    @CsvSource({
        "310104198001011239, 310***********1239",
        "' 11010519491231002x ', 110***********002X",
        "310104198001011238, 310***********1238", // wrong check digit: generic mask, same shape
        "310104800101123, 310*********123", // old 15-digit card
        "E12345678, E1*****78" // a passport: at most a quarter shown at each end
    })
    void idNumbers(String raw, String masked) {
        assertThat(Masking.idNumber(raw)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
        "13812345678, 138****5678",
        "'+86 138 1234 5678', 138****5678",
        "021-62345678, 021-****5678",
        "0755 2345678-12, 0755-***5678",
        "12345, 1***5", // not a phone number
        "110, ***"
    })
    void phones(String raw, String masked) {
        assertThat(Masking.phone(raw)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
        "张三, 张*",
        "张三明, 张*明",
        "欧阳晓峰, 欧**峰",
        "欧阳峰, 欧*峰",
        "司马相如的, 司***的",
        "买买提·艾力, 买****力",
        "𠀾明, 𠀾*",
        "' 李四 ', 李*",
        "John Smith, J********h",
        "张, *"
    })
    void names(String raw, String masked) {
        assertThat(Masking.name(raw)).isEqualTo(masked);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void blankIsEmpty(String raw) {
        assertThat(Masking.idNumber(raw)).isEmpty();
        assertThat(Masking.phone(raw)).isEmpty();
        assertThat(Masking.name(raw)).isEmpty();
    }

    @Test
    void neverTheClearValue() {
        for (String s : new String[] {"1", "12", "ab", "abc", "abcd", "x".repeat(40)}) {
            assertThat(Masking.idNumber(s)).isNotEqualTo(s).hasSameSizeAs(s);
            assertThat(Masking.phone(s)).isNotEqualTo(s).hasSameSizeAs(s);
        }
    }
}
