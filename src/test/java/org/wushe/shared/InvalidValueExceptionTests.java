package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidValueExceptionTests {

    @Test
    void carriesKeyAndArguments() {
        InvalidValueException e = new InvalidValueException("value.x.length", 5, 18);
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.messageKey()).isEqualTo("value.x.length");
        assertThat(e.arguments()).containsExactly(5, 18);
        assertThat(e.getMessage()).isEqualTo("value.x.length [5, 18]");
    }

    @Test
    void messageIsKeyOnlyWithoutArguments() {
        assertThat(new InvalidValueException("value.x.blank").getMessage()).isEqualTo("value.x.blank");
        assertThat(new InvalidValueException("value.x.blank", (Object[]) null).arguments())
                .isEmpty();
    }

    @Test
    void argumentsAreDefensivelyCopied() {
        Object[] args = {1};
        InvalidValueException e = new InvalidValueException("value.x", args);
        args[0] = 2;
        e.arguments()[0] = 3;
        assertThat(e.arguments()).containsExactly(1);
    }
}
