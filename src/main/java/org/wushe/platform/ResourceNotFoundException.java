package org.wushe.platform;

import java.util.List;

/**
 * A record that does not exist, or lies outside the caller's scope (which must look the same). The web
 * layer answers 404 with the localised message {@code messageKey}.
 */
public abstract class ResourceNotFoundException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    protected ResourceNotFoundException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
