package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a name and a piece of typed text may hold (issue 13, items 9 and 14). */
class NameTests {

    @ParameterizedTest
    @CsvSource({
        "'\u200b', value.name.invisible",
        "'\u200b\u200c\u200d\ufeff\u2060', value.name.invisible",
        "'\u3000\u200b', value.name.invisible",
        "'王\u202e明', value.name.direction",
        "'\u202a王明', value.name.direction",
        "'王明\u2066', value.name.direction",
        "'王\u2069明', value.name.direction",
        "'王\u200f明', value.name.direction",
        "'王\t明', value.name.control",
        "'王\u0085明', value.text.control",
        "'王\u0000明', value.text.control",
        "'王\u007f明', value.text.control",
        "'王\ud800明', value.text.surrogate",
        "'  ', value.name.blank"
    })
    void refused(String raw, String key) {
        assertThat(catchThrowableOfType(InvalidValueException.class, () -> Name.parse(raw))
                        .messageKey())
                .isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"王秀英", "阿依\u200d古丽", "欧阳䶮", "𠀀明", "Zhang San", "上海市徐汇区社会工作者协会（筹）", "Ａｌｉ", "玛丽·居里"})
    void accepted(String raw) {
        assertThat(Name.parse(" " + raw + " ").value()).isEqualTo(raw);
    }

    @Test
    void textKeepsLineBreaksAndTabsButNoOtherControlCharacter() {
        assertThat(PlainText.isClean("第一行\r\n第二行\t完")).isTrue();
        assertThat(PlainText.isClean("\ud83d\ude00"))
                .as("a pair of surrogates is one character")
                .isTrue();
        assertThat(catchThrowableOfType(InvalidValueException.class, () -> PlainText.parse("ab\u0001"))
                        .arguments())
                .containsExactly(3);
        assertThat(PlainText.isClean("\ude00\ud83d")).isFalse();
    }
}
