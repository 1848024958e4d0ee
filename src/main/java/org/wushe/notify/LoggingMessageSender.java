package org.wushe.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender, used until a gateway is configured: the message stays in the outbox table (marked SENT by
 * the dispatcher) and is logged with the phone masked.
 */
class LoggingMessageSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingMessageSender.class);

    @Override
    public void send(OutgoingMessage message) {
        log.info(
                "SMS #{} to {} ({}): {} characters",
                message.id(),
                message.recipient().masked(),
                message.templateKey(),
                message.body().length());
    }
}
