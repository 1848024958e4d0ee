package org.wushe.directory.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wushe.directory.StationContacts;
import org.wushe.shared.InvalidValueException;

/** The published number of an organisation (issue 15 item 11): what is accepted, how it is stored and dialled. */
class PublicPhoneTests {

    @Test
    void landlinesServiceAndNationalNumbersAreStoredInTheirDisplayForm() {
        assertThat(PublicPhone.parse("021 6412 3456")).isEqualTo("021-64123456");
        assertThat(PublicPhone.parse("(021)64123456-12")).isEqualTo("021-64123456-12");
        assertThat(PublicPhone.parse("12345")).isEqualTo("12345");
        assertThat(PublicPhone.parse("96 150")).isEqualTo("96150");
        assertThat(PublicPhone.parse("4008201234")).isEqualTo("400-820-1234");
        assertThat(PublicPhone.parse("  ")).isNull();
        assertThat(PublicPhone.parse(null)).isNull();
    }

    @Test
    void aMobileOrAMalformedNumberIsRefusedWithTheFieldsOwnMessage() {
        assertThatThrownBy(() -> PublicPhone.parse("13812345678"))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo(PublicPhone.MOBILE);
        for (String bad : new String[] {"1234", "64123456", "021-0123456", "电话", "021-64123456-1234567"}) {
            assertThatThrownBy(() -> PublicPhone.parse(bad))
                    .as(bad)
                    .isInstanceOf(InvalidValueException.class)
                    .extracting("messageKey")
                    .isEqualTo(PublicPhone.FORMAT);
        }
    }

    @Test
    void aPhoneDialsTheDigitsAndAnExtensionAfterAPause() {
        assertThat(StationContacts.telUri("021-64123456")).isEqualTo("tel:02164123456");
        assertThat(StationContacts.telUri("021-64123456-12")).isEqualTo("tel:02164123456,12");
        assertThat(StationContacts.telUri("400-820-1234")).isEqualTo("tel:4008201234");
        assertThat(StationContacts.telUri("12345")).isEqualTo("tel:12345");
    }
}
