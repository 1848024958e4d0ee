package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTests {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Published codes whose check character was verified; weights are 3^i mod 31 (GB 32100-2015). */
    private static final String[] REAL = {
        "914403001922038216", // 华为技术有限公司
        "91330100799655058B", // 阿里巴巴(中国)有限公司
        "9144030071526726XG", // 腾讯科技(深圳)有限公司
        "91110108551385082Q", // 小米科技有限责任公司
        "91440300192317458F", // 比亚迪股份有限公司
        "91100000100003962T", // 中国工商银行股份有限公司
        "911000001000013428", // 中国银行股份有限公司
        "9144030010001686XA", // 招商银行股份有限公司
        "91440300100012316L", // 中国平安保险(集团)股份有限公司
        "91110000710926094P", // 中国石油化工股份有限公司
    };

    /** Independent check character computation. */
    static String withCheck(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static InvalidValueException reject(String raw) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> CreditCode.parse(raw));
        assertThat(e).as("expected rejection of %s", raw).isNotNull();
        return e;
    }

    @Test
    void realPublishedCodesAreValid() {
        for (String code : REAL) {
            assertThat(withCheck(code.substring(0, 17))).isEqualTo(code);
            assertThat(CreditCode.parse(code).value()).isEqualTo(code);
        }
    }

    @Test
    void partsOfHuaweiCode() {
        CreditCode code = CreditCode.parse("914403001922038216");
        assertThat(code.registrationAuthority()).isEqualTo('9');
        assertThat(code.orgType()).isEqualTo('1');
        assertThat(code.regionCode()).isEqualTo("440300");
        assertThat(code).hasToString("914403001922038216");
    }

    @Test
    void inputIsTrimmedAndUpperCased() {
        CreditCode code = CreditCode.parse("  91330100799655058b ");
        assertThat(code.value()).isEqualTo("91330100799655058B");
        assertThat(code)
                .isEqualTo(CreditCode.parse("91330100799655058B"))
                .hasSameHashCodeAs(CreditCode.parse("91330100799655058B"));
    }

    @Test
    void everySingleCharacterSubstitutionIsRejected() {
        for (String code : REAL) {
            for (int i = 0; i < 18; i++) {
                for (char c : ALPHABET.toCharArray()) {
                    if (c == code.charAt(i)) {
                        continue;
                    }
                    String flipped = code.substring(0, i) + c + code.substring(i + 1);
                    String key = reject(flipped).messageKey();
                    boolean letterInRegion = i >= 2 && i < 8 && !Character.isDigit(c);
                    assertThat(key).isEqualTo(letterInRegion ? CreditCode.REGION : CreditCode.CHECKSUM);
                }
            }
        }
    }

    @Test
    void randomCodesWithComputedCheckCharacterAreAccepted() {
        Random random = new Random(32100);
        for (int n = 0; n < 1000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                sb.append(
                        i >= 2 && i < 8
                                ? (char) ('0' + random.nextInt(10))
                                : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String code = withCheck(sb.toString());
            assertThat(CreditCode.parse(code).value()).isEqualTo(code);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void blankIsRejected(String raw) {
        assertThat(reject(raw).messageKey()).isEqualTo(CreditCode.BLANK);
    }

    @ParameterizedTest
    @CsvSource({"91440300192203821,17", "9144030019220382161,19", "192203821,9"})
    void wrongLengthIsRejected(String raw, int length) {
        InvalidValueException e = reject(raw);
        assertThat(e.messageKey()).isEqualTo(CreditCode.LENGTH);
        assertThat(e.arguments()).containsExactly(length);
    }

    @ParameterizedTest
    @CsvSource({
        "9I4403001922038216,2",
        "91440300192203821O,18",
        "914403001922038Z16,16",
        "S14403001922038216,1",
        "91440300192203v216,15",
        "914403001922-38216,13",
        "９14403001922038216,1"
    })
    void illegalCharacterIsRejectedWithPosition(String raw, int position) {
        InvalidValueException e = reject(raw);
        assertThat(e.messageKey()).isEqualTo(CreditCode.CHARACTER);
        assertThat(e.arguments()).containsExactly(position);
    }

    @Test
    void regionPartMustBeDigits() {
        assertThat(reject(withCheck("91A40300192203821")).messageKey()).isEqualTo(CreditCode.REGION);
        assertThat(reject(withCheck("9144030Y192203821")).messageKey()).isEqualTo(CreditCode.REGION);
    }

    @Test
    void wrongCheckCharacterIsRejected() {
        assertThat(reject("914403001922038217").messageKey()).isEqualTo(CreditCode.CHECKSUM);
        assertThat(reject("91330100799655058C").messageKey()).isEqualTo(CreditCode.CHECKSUM);
    }
}
