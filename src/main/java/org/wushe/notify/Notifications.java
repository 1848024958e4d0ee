package org.wushe.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
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
 * it commits. A message is a {@link MessageKind} and its variables (a provider sends only approved templates); the
 * variables carry codes and one-time passwords, so they are stored encrypted like the recipient.
 */
@Service
public class Notifications {

    public static final String TABLE = "notify_message";
    /** The bound names the ciphers are encrypted under (privacy.ReEncryption rotates them by these). */
    public static final String COLUMN = "recipient";

    public static final String VARIABLES_COLUMN = "variables_cipher";

    /** Providers cap a variable's length (Aliyun: 35 characters for most); ours stay far below this bound. */
    static final int MAX_VARIABLE = 200;

    /** Joins the variables in one cipher; a control character no variable can hold (they are stripped). */
    private static final String SEPARATOR = "\u001f";

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

    /** One SMS of a batch: a mobile number and the variables of the batch's kind. */
    public record Sms(PhoneNumber phone, List<String> variables) {}

    /** Queues an SMS of {@code kind} with its variables in the kind's order; returns the outbox id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long send(PhoneNumber phone, MessageKind kind, String... variables) {
        List<String> values = check(phone, kind, Arrays.asList(variables));
        return jdbc.sql("""
                insert into notify_message (channel, recipient_cipher, recipient_index, template_key, variables_cipher, created_at)
                values ('SMS', ?, ?, ?, ?, ?) returning id""")
                .params(
                        crypto.encrypt(phone.value(), TABLE, COLUMN),
                        crypto.blindIndex("phone", phone.value()),
                        kind.key(),
                        crypto.encrypt(join(values), TABLE, VARIABLES_COLUMN),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /**
     * Queues many SMS of one kind in one batched statement (an import's invitations); each is checked and
     * encrypted as {@link #send} does. Returns how many were queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int sendBatch(MessageKind kind, List<Sms> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (Sms m : batch) {
            List<String> values = check(m.phone(), kind, m.variables());
            rows.add(new Object[] {
                crypto.encrypt(m.phone().value(), TABLE, COLUMN),
                crypto.blindIndex("phone", m.phone().value()),
                kind.key(),
                crypto.encrypt(join(values), TABLE, VARIABLES_COLUMN),
                now
            });
        }
        template.batchUpdate("""
                insert into notify_message (channel, recipient_cipher, recipient_index, template_key, variables_cipher, created_at)
                values ('SMS', ?, ?, ?, ?, ?)""", rows);
        return rows.size();
    }

    private static List<String> check(PhoneNumber phone, MessageKind kind, List<String> variables) {
        if (phone == null || !phone.isMobile()) {
            throw new IllegalArgumentException("An SMS needs a mobile number");
        }
        if (kind == null || variables.size() != kind.variables().size()) {
            throw new IllegalArgumentException(
                    "SMS " + kind + " takes the variables " + (kind == null ? "" : kind.variables()));
        }
        List<String> clean = new ArrayList<>(variables.size());
        for (String v : variables) {
            String value = v == null ? "" : v.replaceAll("\\p{Cntrl}", " ").strip();
            if (value.isEmpty() || value.length() > MAX_VARIABLE) {
                throw new IllegalArgumentException("An SMS variable is 1 to " + MAX_VARIABLE + " characters");
            }
            clean.add(value);
        }
        return clean;
    }

    static String join(List<String> variables) {
        return String.join(SEPARATOR, variables);
    }

    /** The variables of a stored message, as {@link #send} stored them. */
    public static List<String> split(String joined) {
        return List.of(joined.split(SEPARATOR, -1));
    }

    /** Decrypts the variables cipher of an outbox row. */
    public List<String> variables(byte[] cipher) {
        return split(crypto.decrypt(cipher, TABLE, VARIABLES_COLUMN));
    }

    /**
     * The readable text of a message ({@code sms.<key>} in the message bundles) in {@code locale}: what the log
     * sender and the demo page show. Variables are text (a code or a number formatted by MessageFormat would gain
     * thousands separators).
     */
    public String text(MessageKind kind, List<String> variables, Locale locale) {
        return messages.getMessage("sms." + kind.key(), variables.toArray(), locale);
    }

    /** The text in Chinese, the language of every recipient until one is known. */
    public String text(MessageKind kind, List<String> variables) {
        return text(kind, variables, Locale.SIMPLIFIED_CHINESE);
    }
}
