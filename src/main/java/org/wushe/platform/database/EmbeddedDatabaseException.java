package org.wushe.platform.database;

/** The embedded PostgreSQL could not be prepared, started or stopped; the message says what to do. */
public class EmbeddedDatabaseException extends RuntimeException {

    EmbeddedDatabaseException(String message) {
        super(message);
    }

    EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
