package org.wushe.privacy.internal;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** SM3 (GB/T 32905) and HMAC-SM3 (RFC 2104 over SM3, GM/T 0042) on BouncyCastle's lightweight API. */
public final class Sm3 {

    public static final int LENGTH = 32;

    private Sm3() {}

    public static byte[] digest(byte[] data) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(data, 0, data.length);
        byte[] out = new byte[LENGTH];
        sm3.doFinal(out, 0);
        return out;
    }

    /** HMAC-SM3 of the concatenated parts. */
    public static byte[] hmac(byte[] key, byte[]... parts) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[LENGTH];
        mac.doFinal(out, 0);
        return out;
    }
}
