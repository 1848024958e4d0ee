package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every key the value objects can throw must exist in both bundles, and be thrown by some input. */
class MessageBundleTests {

    private static final Class<?>[] VALUE_TYPES = {
        ResidentIdNumber.class, CreditCode.class, PhoneNumber.class, RegionCode.class, PlainText.class, Name.class
    };
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    /** One triggering input per key; the raw input is also checked not to leak into sensitive messages. */
    private static final Map<String, Runnable> TRIGGERS = new LinkedHashMap<>();

    static {
        TRIGGERS.put(ResidentIdNumber.BLANK, () -> ResidentIdNumber.parse(" ", TODAY));
        TRIGGERS.put(ResidentIdNumber.LENGTH, () -> ResidentIdNumber.parse("1101051949123100", TODAY));
        TRIGGERS.put(ResidentIdNumber.CHARACTERS, () -> ResidentIdNumber.parse("11010519491231002A", TODAY));
        TRIGGERS.put(ResidentIdNumber.PREFIX, () -> ResidentIdNumber.parse("010105194912310023", TODAY));
        TRIGGERS.put(ResidentIdNumber.BIRTH_DATE_INVALID, () -> ResidentIdNumber.parse("110105194902300023", TODAY));
        TRIGGERS.put(ResidentIdNumber.BIRTH_DATE_FUTURE, () -> ResidentIdNumber.parse("110105203001010023", TODAY));
        TRIGGERS.put(ResidentIdNumber.BIRTH_DATE_TOO_EARLY, () -> ResidentIdNumber.parse("440524188001010014", TODAY));
        TRIGGERS.put(ResidentIdNumber.CHECKSUM, () -> ResidentIdNumber.parse("110105194912310021", TODAY));
        TRIGGERS.put(CreditCode.BLANK, () -> CreditCode.parse(""));
        TRIGGERS.put(CreditCode.LENGTH, () -> CreditCode.parse("91440300192203821"));
        TRIGGERS.put(CreditCode.CHARACTER, () -> CreditCode.parse("9I4403001922038216"));
        TRIGGERS.put(CreditCode.REGION, () -> CreditCode.parse("91A403001922038216"));
        TRIGGERS.put(CreditCode.CHECKSUM, () -> CreditCode.parse("914403001922038217"));
        TRIGGERS.put(PhoneNumber.BLANK, () -> PhoneNumber.parse(null));
        TRIGGERS.put(PhoneNumber.CHARACTERS, () -> PhoneNumber.parse("138a2345678"));
        TRIGGERS.put(PhoneNumber.FORMAT, () -> PhoneNumber.parse("1381234567"));
        TRIGGERS.put(PhoneNumber.MOBILE_PREFIX, () -> PhoneNumber.parse("12812345678"));
        TRIGGERS.put(PhoneNumber.AREA_CODE, () -> PhoneNumber.parse("011-62345678"));
        TRIGGERS.put(PhoneNumber.SUBSCRIBER_LENGTH, () -> PhoneNumber.parse("021-623456"));
        TRIGGERS.put(PhoneNumber.SUBSCRIBER_START, () -> PhoneNumber.parse("010-12345678"));
        TRIGGERS.put(PhoneNumber.EXTENSION, () -> PhoneNumber.parse("13812345678转1"));
        TRIGGERS.put(RegionCode.BLANK, () -> RegionCode.parse(null));
        TRIGGERS.put(RegionCode.LENGTH, () -> RegionCode.parse("3101"));
        TRIGGERS.put(RegionCode.DIGITS, () -> RegionCode.parse("31010a"));
        TRIGGERS.put(RegionCode.PROVINCE, () -> RegionCode.parse("190000"));
        TRIGGERS.put(RegionCode.ZERO_TAIL, () -> RegionCode.parse("310104000"));
        TRIGGERS.put(PlainText.CONTROL, () -> PlainText.parse("王\u0000"));
        TRIGGERS.put(PlainText.SURROGATE, () -> PlainText.parse("王\uD800"));
        TRIGGERS.put(Name.BLANK, () -> Name.parse(" "));
        TRIGGERS.put(Name.CONTROL, () -> Name.parse("王\t明"));
        TRIGGERS.put(Name.DIRECTION, () -> Name.parse("王\u202E明"));
        TRIGGERS.put(Name.INVISIBLE, () -> Name.parse("\u200B\u200D\uFEFF"));
    }

    static Set<String> declaredKeys() throws IllegalAccessException {
        Set<String> keys = new TreeSet<>();
        for (Class<?> type : VALUE_TYPES) {
            for (Field f : type.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                    f.setAccessible(true);
                    String v = (String) f.get(null);
                    if (v.startsWith("value.")) {
                        keys.add(v);
                    }
                }
            }
        }
        return keys;
    }

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundleTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages_zh_CN.properties", "messages_en.properties"})
    void bundleContainsExactlyTheDeclaredKeys(String bundle) throws Exception {
        Set<String> declared = declaredKeys();
        assertThat(declared).hasSize(32);
        assertThat(load(bundle).stringPropertyNames())
                .filteredOn(k -> k.startsWith("value."))
                .containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void everyDeclaredKeyIsThrownByItsTrigger() throws Exception {
        assertThat(TRIGGERS.keySet()).containsExactlyInAnyOrderElementsOf(declaredKeys());
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        for (Map.Entry<String, Runnable> t : TRIGGERS.entrySet()) {
            InvalidValueException e = catchThrowableOfType(InvalidValueException.class, t.getValue()::run);
            assertThat(e).as(t.getKey()).isNotNull();
            assertThat(e.messageKey()).isEqualTo(t.getKey());
            for (Properties bundle : new Properties[] {zh, en}) {
                String pattern = bundle.getProperty(e.messageKey());
                assertThat(pattern).as(e.messageKey()).isNotBlank();
                MessageFormat format = new MessageFormat(pattern, Locale.ROOT);
                assertThat(format.getFormatsByArgumentIndex())
                        .as("placeholders of %s", e.messageKey())
                        .hasSize(e.arguments().length);
                assertThat(format.format(e.arguments())).doesNotContain("{").doesNotContain("}");
            }
        }
    }

    @Test
    void messagesAreWellFormedAndChineseBundleIsChinese() throws Exception {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        for (String key : declaredKeys()) {
            assertThat(zh.getProperty(key)).as(key).matches(".*[\\u4e00-\\u9fff].*");
            assertThat(en.getProperty(key)).as(key).matches("[\\x20-\\x7e转]+");
            // a lone apostrophe would be swallowed by MessageFormat
            assertThat(zh.getProperty(key) + en.getProperty(key)).as(key).doesNotContain("'");
        }
    }
}
