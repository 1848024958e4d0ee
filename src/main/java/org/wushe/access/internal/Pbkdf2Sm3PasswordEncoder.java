package org.wushe.access.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * PBKDF2 with HMAC-SM3 (GM/T 0091) through BouncyCastle: {@code iterations$salt$hash}, Base64, 16-byte salt,
 * 32-byte key. The iteration count is stored with each hash so it can be raised later without a migration.
 */
final class Pbkdf2Sm3PasswordEncoder implements PasswordEncoder {

    static final String ID = "pbkdf2-sm3";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    Pbkdf2Sm3PasswordEncoder(int iterations) {
        if (iterations < 100_000) {
            throw new IllegalArgumentException("MLPS 2.0: at least 100,000 iterations");
        }
        this.iterations = iterations;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return iterations + "$" + b64(salt) + "$" + b64(derive(rawPassword, salt, iterations));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        if (parts.length != 3) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[1]);
        byte[] expected = Base64.getDecoder().decode(parts[2]);
        return MessageDigest.isEqual(expected, derive(rawPassword, salt, Integer.parseInt(parts[0])));
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return encoded == null || Integer.parseInt(encoded.substring(0, encoded.indexOf('$'))) < iterations;
    }

    private static byte[] derive(CharSequence password, byte[] salt, int iterations) {
        var generator = new PKCS5S2ParametersGenerator(new SM3Digest());
        generator.init(
                PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(
                        password.toString().toCharArray()),
                salt,
                iterations);
        return ((KeyParameter) generator.generateDerivedParameters(KEY_BITS)).getKey();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
