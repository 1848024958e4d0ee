package org.wushe.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B (SHA-1) and RFC 4648 base32 vectors. */
class TotpTests {

    static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238Vectors() {
        assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
        assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111109)), 8))
                .isEqualTo("07081804");
        assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111111)), 8))
                .isEqualTo("14050471");
        assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1234567890)), 8))
                .isEqualTo("89005924");
        assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(2000000000)), 8))
                .isEqualTo("69279037");
        assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(59)), 6)).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepOfDriftAndNeverTheSameStepTwice() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        String previous = Totp.code(SEED, step - 1, 6);
        assertThat(Totp.verify(SEED, previous, now, 0)).hasValue(step - 1);
        assertThat(Totp.verify(SEED, previous, now, step - 1)).isEmpty();
        assertThat(Totp.verify(SEED, Totp.code(SEED, step - 2, 6), now, 0)).isEmpty();
        assertThat(Totp.verify(SEED, "12345", now, 0)).isEmpty();
        assertThat(Totp.verify(SEED, null, now, 0)).isEmpty();
    }

    @Test
    void base32RoundTrips() {
        assertThat(Totp.base32(SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(SecondFactor.Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"))
                .isEqualTo(SEED);
        assertThat(Totp.otpauthUri("Wushe", "admin", SEED))
                .startsWith("otpauth://totp/Wushe%3Aadmin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Wushe");
    }
}
