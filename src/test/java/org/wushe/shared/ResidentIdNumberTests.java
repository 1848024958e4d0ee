package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    /** Independent ISO 7064 MOD 11-2 implementation, so tests do not just mirror production code. */
    static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (1 << (17 - i)) % 11;
            sum += (first17.charAt(i) - '0') * weight;
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static InvalidValueException reject(String raw) {
        InvalidValueException e =
                catchThrowableOfType(InvalidValueException.class, () -> ResidentIdNumber.parse(raw, TODAY));
        assertThat(e).as("expected rejection").isNotNull();
        if (raw != null && raw.strip().length() > 3) {
            assertThat(e.getMessage()).doesNotContain(raw.strip());
        }
        assertThat(e.arguments()).allSatisfy(a -> assertThat(a).isInstanceOf(Integer.class));
        return e;
    }

    @Test
    void standardExampleIsValidFemaleBornIn1949() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.addressCode()).isEqualTo("110105");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
        assertThat(id.isForeignPermanentResident()).isFalse();
        assertThat(id.masked()).isEqualTo("110***********002X").hasSize(18);
        assertThat(id).hasToString("110***********002X");
    }

    @Test
    void lowercaseXAndSurroundingWhitespaceAreNormalised() {
        ResidentIdNumber id = ResidentIdNumber.parse(" 11010519491231002x\t", TODAY);
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id)
                .isEqualTo(ResidentIdNumber.parse("11010519491231002X", TODAY))
                .hasSameHashCodeAs(ResidentIdNumber.parse("11010519491231002X", TODAY));
    }

    @Test
    void parseWithoutDateUsesToday() {
        assertThat(ResidentIdNumber.parse("11010519491231002X").birthDate()).isEqualTo("1949-12-31");
    }

    @Test
    void standardExampleBornIn1880HasValidChecksumButIsTooEarly() {
        assertThat(withCheck("44052418800101001")).isEqualTo("440524188001010014");
        assertThat(reject("440524188001010014").messageKey()).isEqualTo(ResidentIdNumber.BIRTH_DATE_TOO_EARLY);
    }

    @Test
    void maleIsOddSequence() {
        ResidentIdNumber id = ResidentIdNumber.parse(withCheck("31010419800101001"), TODAY);
        assertThat(id.sex()).isEqualTo(Sex.MALE);
        assertThat(ResidentIdNumber.parse(withCheck("31010419800101002"), TODAY).sex())
                .isEqualTo(Sex.FEMALE);
    }

    @Test
    void randomNumbersWithComputedCheckCharacterAreAcceptedAndAnyOtherCheckCharacterRejected() {
        Random random = new Random(20250601);
        int[] provinces = {11, 12, 13, 14, 15, 21, 22, 23, 31, 37, 41, 46, 50, 54, 61, 65, 71, 81, 82, 83};
        for (int n = 0; n < 500; n++) {
            LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(45_000));
            String first17 = String.format(
                    "%02d%04d%s%03d",
                    provinces[random.nextInt(provinces.length)],
                    random.nextInt(10_000),
                    birth.format(DateTimeFormatter.BASIC_ISO_DATE),
                    random.nextInt(1000));
            String valid = withCheck(first17);
            ResidentIdNumber id = ResidentIdNumber.parse(valid, TODAY);
            assertThat(id.value()).isEqualTo(valid);
            assertThat(id.birthDate()).isEqualTo(birth);
            for (char c : "0123456789X".toCharArray()) {
                if (c != valid.charAt(17)) {
                    assertThat(reject(first17 + c).messageKey()).isEqualTo(ResidentIdNumber.CHECKSUM);
                }
            }
        }
    }

    @Test
    void foreignPermanentResidentNumbersStartWith9() {
        // 2023 format: 9 + issuing province (11 Beijing) + nationality (840 USA) + birth date + sequence + check
        String raw = withCheck("91184019850315123");
        ResidentIdNumber id = ResidentIdNumber.parse(raw, TODAY);
        assertThat(id.isForeignPermanentResident()).isTrue();
        assertThat(id.addressCode()).isEqualTo("911840");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
        assertThat(id.sex()).isEqualTo(Sex.MALE);
        assertThat(id.masked()).isEqualTo("911" + "*".repeat(11) + raw.substring(14));
        assertThat(reject(withCheck("99084019850315123")).messageKey()).isEqualTo(ResidentIdNumber.PREFIX);
        assertThat(reject(raw.substring(0, 17) + (raw.charAt(17) == '0' ? '1' : '0'))
                        .messageKey())
                .isEqualTo(ResidentIdNumber.CHECKSUM);
    }

    @ParameterizedTest
    @CsvSource({"20000229,true", "20240229,true", "19000229,false", "20230229,false", "21000229,false"})
    void february29thOnlyInLeapYears(String date, boolean valid) {
        String raw = withCheck("110105" + date + "123");
        LocalDate today = LocalDate.of(2200, 1, 1);
        if (valid) {
            assertThat(ResidentIdNumber.parse(raw, today).birthDate().getDayOfMonth())
                    .isEqualTo(29);
        } else {
            assertThatThrownBy(() -> ResidentIdNumber.parse(raw, today))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.messageKey()).isEqualTo(ResidentIdNumber.BIRTH_DATE_INVALID));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"19491331", "19490001", "19491200", "19490431", "00000000"})
    void impossibleDatesAreRejected(String date) {
        assertThat(reject(withCheck("110105" + date + "002")).messageKey())
                .isEqualTo(ResidentIdNumber.BIRTH_DATE_INVALID);
    }

    @Test
    void birthDateBoundaries() {
        assertThat(ResidentIdNumber.parse(withCheck("11010520250601002"), TODAY).birthDate())
                .isEqualTo(TODAY);
        assertThat(reject(withCheck("11010520250602002")).messageKey()).isEqualTo(ResidentIdNumber.BIRTH_DATE_FUTURE);
        assertThat(ResidentIdNumber.parse(withCheck("11010519000101002"), TODAY).birthDate())
                .isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(reject(withCheck("11010518991231002")).messageKey())
                .isEqualTo(ResidentIdNumber.BIRTH_DATE_TOO_EARLY);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void blankIsRejected(String raw) {
        assertThat(reject(raw).messageKey()).isEqualTo(ResidentIdNumber.BLANK);
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002,17", "11010519491231002X1,19", "110105491231002,15"})
    void wrongLengthIsRejected(String raw, int length) {
        InvalidValueException e = reject(raw);
        assertThat(e.messageKey()).isEqualTo(ResidentIdNumber.LENGTH);
        assertThat(e.arguments()).containsExactly(length);
    }

    @ParameterizedTest
    @CsvSource({
        "11010519491231002Y,18",
        "1101051949123100X2,17",
        "X10105194912310022,1",
        "１１0105194912310022,1",
        "110105-94912310022,7",
        "11010519491231 02X,15"
    })
    void illegalCharactersAreRejectedWithPosition(String raw, int position) {
        InvalidValueException e = reject(raw);
        assertThat(e.messageKey()).isEqualTo(ResidentIdNumber.CHARACTERS);
        assertThat(e.arguments()).containsExactly(position);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00010519491231002",
                "19010519491231002",
                "16010519491231002",
                "72010519491231002",
                "84010519491231002",
                "90010519491231002",
                "97210519491231002"
            })
    void implausibleProvinceIsRejected(String first17) {
        assertThat(reject(withCheck(first17)).messageKey()).isEqualTo(ResidentIdNumber.PREFIX);
    }

    @Test
    void abolishedAddressCodesStayValid() {
        // 110103 (former Chongwen district of Beijing, merged in 2010) is no longer in GB/T 2260
        assertThat(ResidentIdNumber.parse(withCheck("11010319700101001"), TODAY).addressCode())
                .isEqualTo("110103");
    }
}
