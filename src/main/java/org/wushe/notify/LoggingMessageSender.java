package org.wushe.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender (development and demo, {@code WUSHE_SMS_PROVIDER=log}): the message stays in the outbox table
 * (marked SENT by the dispatcher; the demo page renders its text from the kind and variables) and one line is
 * logged with the phone masked — never the variables, which may be a code or a one-time password.
 */
class LoggingMessageSender implements MessageSender {

    static final String PROVIDER = "log";

    private static final Logger log = LoggerFactory.getLogger(LoggingMessageSender.class);

    @Override
    public Accepted send(OutgoingMessage message) {
        log.info(
                "SMS #{} to {} ({}): {} variables",
                message.id(),
                message.recipient().masked(),
                message.kind().key(),
                message.variables().size());
        return new Accepted(PROVIDER, null);
    }
}
