package org.wushe.notify.sms;

import java.time.Instant;
import java.util.List;
import org.wushe.notify.MessageSender;
import org.wushe.shared.PhoneNumber;

/** One licensed SMS provider: sends (the port) and reports what reached the handsets. */
public interface SmsProvider extends MessageSender {

    /** {@code aliyun} or {@code tencent}: stored with each message it took. */
    String name();

    /**
     * Delivery reports for messages it took. Aliyun is asked per message ({@code awaiting}); Tencent hands out its
     * queue of reports and ignores the list.
     */
    List<Receipt> receipts(List<Awaiting> awaiting);

    /** A message sent through this provider that has no report yet. */
    record Awaiting(long outboxId, PhoneNumber phone, String messageId, Instant sentAt) {}

    /**
     * What the handset got: {@code delivered}, or failed with the operator's {@code code}. {@code messageId} is
     * the provider's id; {@code outboxId} is ours as echoed back (Aliyun OutId, Tencent SessionContext), or null.
     */
    record Receipt(String messageId, Long outboxId, boolean delivered, String code, Instant at) {}
}
