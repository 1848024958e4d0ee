package org.wushe.shared;

import java.util.Arrays;

/**
 * Thrown when a raw input cannot be turned into a value object.
 *
 * <p>Carries a message-bundle key (always starting with {@code value.}) and {@link java.text.MessageFormat}
 * arguments so the web layer can render a localised message. {@link #getMessage()} is key plus arguments and is
 * meant for logs only. By contract the arguments never contain the rejected raw input (ID or phone numbers are
 * personal data); they are limited to non-sensitive facts such as a length or a 1-based position.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final Object[] arguments;

    public InvalidValueException(String messageKey, Object... arguments) {
        super(describe(messageKey, arguments));
        this.messageKey = messageKey;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    /** Key into {@code messages*.properties}. */
    public String messageKey() {
        return messageKey;
    }

    /** {@link java.text.MessageFormat} arguments for the message; a defensive copy. */
    public Object[] arguments() {
        return arguments.clone();
    }

    private static String describe(String key, Object[] args) {
        return args == null || args.length == 0 ? key : key + " " + Arrays.toString(args);
    }
}
