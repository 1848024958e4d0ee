package org.wushe.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.PhoneNumber;

/**
 * Queues messages in the outbox, inside the caller's transaction: a message leaves only if the work that caused
 * it commits. The body must carry nothing personal beyond what the recipient needs to read.
 */
@Service
public class Notifications {

    static final String TABLE = "notify_message";
    static final String COLUMN = "recipient";
    /** Codes and one-time passwords travel in bodies: they are encrypted like the recipient. */
    static final String BODY_COLUMN = "body_cipher";

    static final int MAX_BODY = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CryptoService crypto;
    private final Clock clock;
    private final MessageSource messages;

    Notifications(JdbcClient jdbc, JdbcTemplate template, CryptoService crypto, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.template = template;
        this.crypto = crypto;
        this.clock = clock;
    }

    /** Queues an SMS; returns the outbox id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long sendSms(PhoneNumber phone, String body) {
        return sendSms(phone, "plain", body);
    }

    /** One SMS of a batch: a mobile number and its body. */
    public record Sms(PhoneNumber phone, String body) {}

    /**
     * Queues many SMS made from one template in one batched statement (an import's invitations); each is checked
     * and encrypted as {@link #sendSms(PhoneNumber, String, String)} does. Returns how many were queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int sendSmsBatch(String templateKey, List<Sms> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (Sms m : messages) {
            check(m.phone(), m.body());
            rows.add(new Object[] {
                crypto.encrypt(m.phone().value(), TABLE, COLUMN),
                crypto.blindIndex("phone", m.phone().value()),
                templateKey,
                crypto.encrypt(m.body(), TABLE, BODY_COLUMN),
                now
            });
        }
        template.batchUpdate("""
                insert into notify_message (channel, recipient_cipher, recipient_index, template_key, body_cipher, created_at)
                values ('SMS', ?, ?, ?, ?, ?)""", rows);
        return rows.size();
    }

    private static void check(PhoneNumber phone, String body) {
        if (phone == null || !phone.isMobile()) {
            throw new IllegalArgumentException("An SMS needs a mobile number");
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new IllegalArgumentException("An SMS body is 1 to " + MAX_BODY + " characters");
        }
    }

    /**
     * The text of SMS template {@code templateKey} ({@code sms.<key>} in the message bundles) with its arguments,
     * in the recipient's language: Chinese, because no recipient's language is known yet. Arguments are text
     * (a code or a number formatted by MessageFormat would gain thousands separators).
     */
    public String smsText(String templateKey, String... args) {
        return messages.getMessage("sms." + templateKey, args, Locale.SIMPLIFIED_CHINESE);
    }

    /** Queues the SMS of template {@code templateKey} with its arguments (see {@link #smsText}); returns the outbox id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long sendTemplate(PhoneNumber phone, String templateKey, String... args) {
        return sendSms(phone, templateKey, smsText(templateKey, args));
    }

    /** Queues an SMS with the key of the template it was made from (for counting and auditing). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long sendSms(PhoneNumber phone, String templateKey, String body) {
        check(phone, body);
        return jdbc.sql("""
                insert into notify_message (channel, recipient_cipher, recipient_index, template_key, body_cipher, created_at)
                values ('SMS', ?, ?, ?, ?, ?) returning id""")
                .params(
                        crypto.encrypt(phone.value(), TABLE, COLUMN),
                        crypto.blindIndex("phone", phone.value()),
                        templateKey,
                        crypto.encrypt(body, TABLE, BODY_COLUMN),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }
}
