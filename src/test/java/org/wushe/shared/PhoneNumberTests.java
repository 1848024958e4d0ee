package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

    private static InvalidValueException reject(String raw) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> PhoneNumber.parse(raw));
        assertThat(e).as("expected rejection of %s", raw).isNotNull();
        if (raw != null && raw.strip().length() > 3) {
            assertThat(e.getMessage()).doesNotContain(raw.strip());
        }
        assertThat(e.arguments()).allSatisfy(a -> assertThat(a).isInstanceOf(Integer.class));
        return e;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13812345678",
                " 13812345678 ",
                "138 1234 5678",
                "138-1234-5678",
                "(138) 1234-5678",
                "+8613812345678",
                "+86 138 1234 5678",
                "+86-138-1234-5678",
                "8613812345678",
                "86 138 1234 5678",
                "008613812345678",
                "0086 138 1234 5678",
                "+86 (138) 1234 5678"
            })
    void mobileVariantsNormaliseToElevenDigits(String raw) {
        PhoneNumber phone = PhoneNumber.parse(raw);
        assertThat(phone.isMobile()).isTrue();
        assertThat(phone.value()).isEqualTo("13812345678");
        assertThat(phone.e164()).isEqualTo("+8613812345678");
        assertThat(phone.masked()).isEqualTo("138****5678");
        assertThat(phone).hasToString("138****5678").isEqualTo(PhoneNumber.parse("13812345678"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13012345678",
                "14712345678",
                "15912345678",
                "16612345678",
                "17012345678",
                "18812345678",
                "19912345678"
            })
    void allMobileSecondDigitsThreeToNineAreAccepted(String raw) {
        assertThat(PhoneNumber.parse(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "010-87654321|010-87654321|+861087654321|010-****4321",
                "(010) 8765 4321|010-87654321|+861087654321|010-****4321",
                "01087654321|010-87654321|+861087654321|010-****4321",
                "+86 10 8765 4321|010-87654321|+861087654321|010-****4321",
                "+861087654321|010-87654321|+861087654321|010-****4321",
                "010-8765-4321|010-87654321|+861087654321|010-****4321",
                "021-62345678|021-62345678|+862162345678|021-****5678",
                "(021)62345678|021-62345678|+862162345678|021-****5678",
                "+86 21 6234 5678|021-62345678|+862162345678|021-****5678",
                "+86 (0)21 6234 5678|021-62345678|+862162345678|021-****5678",
                "0086 21 62345678|021-62345678|+862162345678|021-****5678",
                "0755-86001234|0755-86001234|+8675586001234|0755-****1234",
                "0755 8600 1234|0755-86001234|+8675586001234|0755-****1234",
                "0912-3456789|0912-3456789|+869123456789|0912-***6789",
                "021-62345678-123|021-62345678-123|+862162345678|021-****5678",
                "021-62345678 - 123|021-62345678-123|+862162345678|021-****5678",
                "021-62345678转123|021-62345678-123|+862162345678|021-****5678",
                "(021) 6234 5678 转 800123|021-62345678-800123|+862162345678|021-****5678",
                "02162345678-1|021-62345678-1|+862162345678|021-****5678",
                "021-6234567-8|021-6234567-8|+86216234567|021-***4567",
            })
    void landlineVariants(String raw, String value, String e164, String masked) {
        PhoneNumber phone = PhoneNumber.parse(raw);
        assertThat(phone.isMobile()).isFalse();
        assertThat(phone.value()).isEqualTo(value);
        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone.masked()).isEqualTo(masked);
        assertThat(phone).hasToString(masked);
        assertThat(PhoneNumber.parse(phone.value())).isEqualTo(phone).hasSameHashCodeAs(phone);
    }

    @Test
    void e164FormParsesBackToTheSameNumber() {
        for (String raw : new String[] {"13812345678", "010-87654321", "0755-86001234", "0912-3456789"}) {
            PhoneNumber phone = PhoneNumber.parse(raw);
            assertThat(PhoneNumber.parse(phone.e164())).isEqualTo(phone);
        }
    }

    @Test
    void extensionTakesPartInEquality() {
        assertThat(PhoneNumber.parse("021-62345678-1"))
                .isNotEqualTo(PhoneNumber.parse("021-62345678-2"))
                .isNotEqualTo(PhoneNumber.parse("021-62345678"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void blankIsRejected(String raw) {
        assertThat(reject(raw).messageKey()).isEqualTo(PhoneNumber.BLANK);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "138a2345678|4",
                "１３８12345678|1",
                "138.1234.5678|4",
                "138+12345678|4",
                "tel:13812345678|1",
                "021/62345678|4",
                "138_1234_5678|4"
            })
    void illegalCharactersAreRejectedWithPosition(String raw, int position) {
        InvalidValueException e = reject(raw);
        assertThat(e.messageKey()).isEqualTo(PhoneNumber.CHARACTERS);
        assertThat(e.arguments()).containsExactly(position);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12345",
                "1381234567",
                "138123456789",
                "+1 415 555 0100",
                "23812345678",
                "+86",
                "0",
                "8621 62345678",
                "13812345678-12",
                "-",
                "()",
                "+44 20 7946 0958",
                "88812345678"
            })
    void wrongShapeIsRejected(String raw) {
        assertThat(reject(raw).messageKey()).isEqualTo(PhoneNumber.FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "11012345678", "10086123456", "+86 128 1234 5678"})
    void mobileWithWrongSecondDigitIsRejected(String raw) {
        assertThat(reject(raw).messageKey()).isEqualTo(PhoneNumber.MOBILE_PREFIX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"001-62345678", "011-62345678", "019 6234 5678", "0123-6234567"})
    void invalidAreaCodeIsRejected(String raw) {
        assertThat(reject(raw).messageKey()).isEqualTo(PhoneNumber.AREA_CODE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "021-623456|6",
                "021-623456789|9",
                "0755-623456|6",
                "021|0",
                "0755 8600 12345|9",
                "021-62345678-1234567|15"
            })
    void subscriberNumberOfWrongLengthIsRejected(String raw, int length) {
        InvalidValueException e = reject(raw);
        assertThat(e.messageKey()).isEqualTo(PhoneNumber.SUBSCRIBER_LENGTH);
        assertThat(e.arguments()).containsExactly(length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"010-12345678", "021-02345678", "0755-1234567"})
    void subscriberNumberStartingWithZeroOrOneIsRejected(String raw) {
        assertThat(reject(raw).messageKey()).isEqualTo(PhoneNumber.SUBSCRIBER_START);
    }

    @ParameterizedTest
    @ValueSource(strings = {"021-62345678转1234567", "13812345678转12", "021-62345678转", "021-62345678转1转2"})
    void invalidExtensionIsRejected(String raw) {
        assertThat(reject(raw).messageKey()).isEqualTo(PhoneNumber.EXTENSION);
    }
}
