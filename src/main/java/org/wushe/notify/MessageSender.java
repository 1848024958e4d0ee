package org.wushe.notify;

import java.util.List;
import org.wushe.shared.PhoneNumber;

/**
 * The port through which the outbox leaves the application: the logging default, or the Aliyun / Tencent Cloud
 * adapters chosen by {@code WUSHE_SMS_PROVIDER} (see {@code notify.sms}). A sender answers with the provider's id
 * of the accepted message, or throws {@link SendFailure} saying whether trying again can help.
 */
@FunctionalInterface
public interface MessageSender {

    Accepted send(OutgoingMessage message);

    /**
     * One message to deliver: a kind (the provider's template) and its variables. {@code id} is the outbox row,
     * passed to the provider (Aliyun OutId, Tencent SessionContext) so that a receipt and the provider's records
     * lead back to the row.
     */
    record OutgoingMessage(long id, String channel, PhoneNumber recipient, MessageKind kind, List<String> variables) {

        public OutgoingMessage {
            variables = List.copyOf(variables);
        }

        /** Never the number or the variables: this is what reaches a log line. */
        @Override
        public String toString() {
            return "OutgoingMessage[id=" + id + ", channel=" + channel + ", recipient=" + recipient.masked() + ", kind="
                    + kind + "]";
        }
    }

    /** The provider took the message; {@code messageId} is how its delivery report names it (may be null). */
    record Accepted(String provider, String messageId) {}

    /** Why a provider refused or could not be reached; the code is the provider's own (or ours: TIMEOUT, HTTP_503…). */
    final class SendFailure extends RuntimeException {

        /** What the dispatcher may do about it. */
        public enum Kind {
            /** Worth another try later (throttled, provider down, connection refused). */
            TRANSIENT,
            /** Will fail again (invalid number, template not approved, blacklisted): marked FAILED with the code. */
            PERMANENT,
            /**
             * The provider's per-number frequency limit: waits (an hour) like a transient failure, but is not the
             * provider's fault, so it neither pauses the provider nor fails over.
             */
            LIMITED,
            /**
             * The request left but no answer came back (a read time-out): the provider may have sent it, so it is
             * not retried automatically (never twice), except a verification code (see the dispatcher).
             */
            UNCERTAIN
        }

        private final String provider;
        private final String code;
        private final Kind kind;

        public SendFailure(String provider, String code, Kind kind, String reason) {
            super(reason == null ? code : code + ": " + reason, null, false, false);
            this.provider = provider;
            this.code = code;
            this.kind = kind;
        }

        public String provider() {
            return provider;
        }

        public String code() {
            return code;
        }

        public Kind kind() {
            return kind;
        }
    }
}
