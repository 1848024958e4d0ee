package org.wushe.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wushe.shared.InvalidValueException;

class PasswordsTests {

    @Test
    void pbkdf2Sm3HashesAreSaltedVerifiableAndCarryTheirIterations() {
        var encoder = new Pbkdf2Sm3PasswordEncoder(100_000);
        String hash = encoder.encode("Correct-horse-1");
        assertThat(hash).startsWith("100000$").isNotEqualTo(encoder.encode("Correct-horse-1"));
        assertThat(encoder.matches("Correct-horse-1", hash)).isTrue();
        assertThat(encoder.matches("Correct-horse-2", hash)).isFalse();
        assertThat(new Pbkdf2Sm3PasswordEncoder(200_000).upgradeEncoding(hash)).isTrue();
        assertThatThrownBy(() -> new Pbkdf2Sm3PasswordEncoder(10_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePolicyWantsTenCharactersOfThreeClassesWithoutTheUsername() {
        PasswordPolicy.check("Abcdefgh12", "someone");
        assertThatThrownBy(() -> PasswordPolicy.check("Abc12!", "x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("access.password.length");
        assertThatThrownBy(() -> PasswordPolicy.check("abcdefghijk1", "x"))
                .hasMessageContaining("access.password.classes");
        assertThatThrownBy(() -> PasswordPolicy.check("Zhang-2022-x", "zhang"))
                .hasMessageContaining("access.password.username");
    }

    @Test
    void temporaryPasswordsPassThePolicy() {
        for (int i = 0; i < 50; i++) {
            PasswordPolicy.check(TemporaryPasswords.generate(), "admin");
        }
    }
}
