package org.wushe.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** Published answers: GB/T 32905 (SM3), GB/T 32907 (SM4), RFC 8998 (SM4-GCM), GM/T 0042-2015 (HMAC-SM3). */
class KnownAnswerTests {

    @Test
    void sm3OfAbc() {
        assertThat(Hex.toHexString(Sm3.digest(ascii("abc"))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sm3OfSixtyFourBytes() {
        assertThat(Hex.toHexString(Sm3.digest(ascii("abcd".repeat(16)))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void sm4SingleBlock() {
        byte[] key = Hex.decode("0123456789abcdeffedcba9876543210");
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        sm4.processBlock(key, 0, out, 0);
        assertThat(Hex.toHexString(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void sm4GcmFromRfc8998() throws InvalidCipherTextException {
        byte[] key = Hex.decode("0123456789ABCDEFFEDCBA9876543210");
        byte[] iv = Hex.decode("00001234567800000000ABCD");
        byte[] aad = Hex.decode("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        byte[] plain = Hex.decode("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        String expected = "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
                + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
                + "83DE3541E4C2B58177E065A9BF7B62EC"; // ciphertext, then the tag

        byte[] sealed = Sm4Gcm.encrypt(key, iv, aad, plain);

        assertThat(Hex.toHexString(sealed)).isEqualToIgnoringCase(expected);
        assertThat(Sm4Gcm.decrypt(key, iv, aad, sealed)).isEqualTo(plain);
        byte[] otherAad = aad.clone();
        otherAad[0] ^= 1;
        assertThatThrownBy(() -> Sm4Gcm.decrypt(key, iv, otherAad, sealed))
                .isInstanceOf(InvalidCipherTextException.class);
    }

    /** GM/T 0042-2015 appendix D.3 (the same vectors are in OpenSSL's test data). */
    @Test
    void hmacSm3() {
        byte[] key32 = sequence(32);
        String abc = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assertThat(Hex.toHexString(Sm3.hmac(key32, ascii(abc + abc))))
                .isEqualTo("ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a");
        byte[] cd = new byte[50];
        Arrays.fill(cd, (byte) 0xcd);
        assertThat(Hex.toHexString(Sm3.hmac(sequence(37), cd)))
                .isEqualTo("220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae");
        byte[] key0b = new byte[32];
        Arrays.fill(key0b, (byte) 0x0b);
        assertThat(Hex.toHexString(Sm3.hmac(key0b, ascii("Hi There"))))
                .isEqualTo("c0ba18c68b90c88bc07de794bfc7d2c8d19ec31ed8773bc2b390c9604e0be11e");
        assertThat(Hex.toHexString(Sm3.hmac(ascii("Jefe"), ascii("what do ya want for nothing?"))))
                .isEqualTo("2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882");
    }

    @Test
    void hmacSm3FollowsItsDefinitionAndConcatenatesParts() {
        byte[] key = ascii("a short key");
        byte[] message = ascii("message");
        byte[] block = Arrays.copyOf(key, 64);
        byte[] inner = concat(xor(block, (byte) 0x36), message);
        byte[] expected = Sm3.digest(concat(xor(block, (byte) 0x5c), Sm3.digest(inner)));

        assertThat(Sm3.hmac(key, message)).isEqualTo(expected);
        assertThat(Sm3.hmac(key, ascii("mess"), ascii("age"))).isEqualTo(expected);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** 0x01, 0x02, … */
    private static byte[] sequence(int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (i + 1);
        }
        return out;
    }

    private static byte[] xor(byte[] block, byte pad) {
        byte[] out = block.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] ^= pad;
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
