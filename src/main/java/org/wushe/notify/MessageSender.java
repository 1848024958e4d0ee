package org.wushe.notify;

import org.wushe.shared.PhoneNumber;

/**
 * The port through which the outbox leaves the application. A real SMS gateway implements it as a bean of its
 * own (which replaces the default, logging one); throwing marks the attempt failed and it is retried.
 */
public interface MessageSender {

    void send(OutgoingMessage message);

    /** One message to deliver; {@code id} lets a gateway de-duplicate on its side. */
    record OutgoingMessage(long id, String channel, PhoneNumber recipient, String templateKey, String body) {

        @Override
        public String toString() {
            return "OutgoingMessage[id=" + id + ", channel=" + channel + ", recipient=" + recipient.masked()
                    + ", templateKey=" + templateKey + "]";
        }
    }
}
