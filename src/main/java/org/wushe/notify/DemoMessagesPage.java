package org.wushe.notify;

import java.time.Instant;
import java.util.List;
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

    DemoMessagesPage(JdbcClient jdbc, CryptoService crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    record DemoMessage(long id, String recipient, String templateKey, String body, String status, Instant createdAt) {}

    @GetMapping("/demo/messages")
    String messages(Model model) {
        List<DemoMessage> messages = jdbc.sql("""
                        select id, recipient_cipher, template_key, body_cipher, status, created_at from notify_message
                        order by id desc limit ?""")
                .param(SHOWN)
                .query((rs, n) -> new DemoMessage(
                        rs.getLong(1),
                        PhoneNumber.parse(crypto.decrypt(rs.getBytes(2), Notifications.TABLE, Notifications.COLUMN))
                                .masked(),
                        rs.getString(3),
                        crypto.decrypt(rs.getBytes(4), Notifications.TABLE, Notifications.BODY_COLUMN),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
        model.addAttribute("messages", messages);
        model.addAttribute("shown", SHOWN);
        return "notify/demo-messages";
    }
}
