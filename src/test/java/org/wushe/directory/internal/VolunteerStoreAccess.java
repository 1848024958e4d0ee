package org.wushe.directory.internal;

/** Test access to the passport check digit. */
public final class VolunteerStoreAccess {

    private VolunteerStoreAccess() {
    }

    public static int luhn(String digits) {
        return VolunteerStore.luhn(digits);
    }
}
