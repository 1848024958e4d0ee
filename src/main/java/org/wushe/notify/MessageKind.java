package org.wushe.notify;

import java.util.Arrays;
import java.util.List;

/**
 * Every text message Wushe sends. A licensed provider sends only templates it approved in advance, filled with
 * variables, so a message is a kind and its variables, never free text: each kind maps to a provider template in
 * configuration ({@code wushe.sms.*.templates}), and to the text {@code sms.<key>} of the message bundles, which the
 * log sender and the demo page render ({0} is the first variable, and so on).
 */
public enum MessageKind {
    REQUEST_CODE("requests.code", true, "code"),
    REQUEST_LOST_CODES("requests.lostCodes", false, "codes"),
    REQUEST_SUBMITTED("requests.submitted", false, "number"),
    REQUEST_ASSIGNED("requests.assigned", false, "number"),
    REQUEST_ACCEPTED("requests.accepted", false, "number"),
    REQUEST_RESOLVED("requests.resolved", false, "number"),
    REQUEST_CLOSED("requests.closed", false, "number"),
    REQUEST_CANCELLED("requests.cancelled", false, "number"),
    REQUEST_CANCELLED_AS_ASKED("requests.cancelledAsAsked", false, "number"),
    VOLUNTEER_CODE("volunteer.code", true, "code"),
    VOLUNTEER_APPROVED("volunteer.approved", false, "passport", "username", "password"),
    VOLUNTEER_REJECTED("volunteer.rejected", false, "reason"),
    VOLUNTEER_ACTIVATION_CODE("volunteer.activation.code", true, "code"),
    VOLUNTEER_ACTIVATED("volunteer.activated", false, "username"),
    VOLUNTEER_INVITED("volunteer.invited", false, "passport", "url"),
    CHECK_IN_LINK("residents.checkInLink", false, "url");

    private final String key;
    private final boolean verificationCode;
    private final List<String> variables;

    MessageKind(String key, boolean verificationCode, String... variables) {
        this.key = key;
        this.verificationCode = verificationCode;
        this.variables = List.of(variables);
    }

    /** The stored {@code template_key} and the bundle key after {@code sms.}. */
    public String key() {
        return key;
    }

    /**
     * A verification code is worthless a few minutes later: it fails over to the other provider at once and is
     * never deferred.
     */
    public boolean verificationCode() {
        return verificationCode;
    }

    /** The variable names, in the order of the bundle's {0}, {1}… (and of a Tencent template's {1}, {2}…). */
    public List<String> variables() {
        return variables;
    }

    public static MessageKind ofKey(String key) {
        return Arrays.stream(values())
                .filter(k -> k.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No message kind " + key));
    }
}
