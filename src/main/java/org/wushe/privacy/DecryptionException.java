package org.wushe.privacy;

/**
 * A stored value could not be decrypted: altered, copied from another column, encrypted under a key that is
 * no longer configured, or not a Wushe ciphertext at all. Says which; never contains the value.
 */
public class DecryptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DecryptionException(String message) {
        super(message);
    }
}
