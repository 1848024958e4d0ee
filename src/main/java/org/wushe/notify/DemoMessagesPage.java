package org.wushe.notify;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.PhoneNumber;

/**
 * The demo city has no SMS gateway, so a newcomer could never read the code /help, registration or activation
 * sends. In the demo profile only, {@code /demo/messages} lists the last 50 messages of the outbox with their full
 * text (recipients masked). In any other profile this bean does not exist and the address answers 404.
 */
@Controller
@Profile("demo")
class DemoMessagesPage {

    static final int SHOWN = 50;

    private final JdbcClient jdbc;
    private final CryptoService crypto;
    private final Notifications notifications;

    DemoMessagesPage(JdbcClient jdbc, CryptoService crypto, Notifications notifications) {
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.notifications = notifications;
    }

    record DemoMessage(long id, String recipient, String templateKey, String body, String status, Instant createdAt) {}

    /**
     * The text as the recipient reads it, rendered from the kind and variables in the reader's language (rows
     * queued before templates carry their old body).
     */
    @GetMapping("/demo/messages")
    String messages(Model model, Locale locale) {
        List<DemoMessage> messages = jdbc.sql("""
                        select id, recipient_cipher, template_key, variables_cipher, body_cipher, status, created_at
                        from notify_message order by id desc limit ?""")
                .param(SHOWN)
                .query((rs, n) -> new DemoMessage(
                        rs.getLong(1),
                        PhoneNumber.parse(crypto.decrypt(rs.getBytes(2), Notifications.TABLE, Notifications.COLUMN))
                                .masked(),
                        rs.getString(3),
                        rs.getBytes(4) != null
                                ? notifications.text(
                                        MessageKind.ofKey(rs.getString(3)),
                                        notifications.variables(rs.getBytes(4)),
                                        locale)
                                : crypto.decrypt(rs.getBytes(5), Notifications.TABLE, "body_cipher"),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
        model.addAttribute("messages", messages);
        model.addAttribute("shown", SHOWN);
        return "notify/demo-messages";
    }
}
