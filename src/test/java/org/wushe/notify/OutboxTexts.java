package org.wushe.notify;

import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.privacy.CryptoService;

/**
 * What a phone would read, for tests that read a code or a link from the outbox: the newest message to a number,
 * rendered from its kind and (decrypted) variables with the Chinese bundle text, as the provider's approved
 * template renders it.
 */
public final class OutboxTexts {

    private static final ResourceBundleMessageSource BUNDLES = new ResourceBundleMessageSource();

    static {
        BUNDLES.setBasename("messages");
        BUNDLES.setDefaultEncoding("UTF-8");
        BUNDLES.setFallbackToSystemLocale(false);
    }

    private OutboxTexts() {}

    /** The newest SMS queued for {@code phone}, as text. */
    public static String lastText(JdbcClient jdbc, CryptoService crypto, String phone) {
        var row = jdbc.sql("select template_key, variables_cipher from notify_message where recipient_index = ?"
                        + " order by id desc limit 1")
                .param(crypto.blindIndex("phone", phone))
                .query()
                .singleRow();
        return text(MessageKind.ofKey((String) row.get("template_key")), variables(crypto, (byte[])
                row.get("variables_cipher")));
    }

    public static List<String> variables(CryptoService crypto, byte[] cipher) {
        return Notifications.split(crypto.decrypt(cipher, Notifications.TABLE, Notifications.VARIABLES_COLUMN));
    }

    public static String text(MessageKind kind, List<String> variables) {
        return BUNDLES.getMessage("sms." + kind.key(), variables.toArray(), Locale.SIMPLIFIED_CHINESE);
    }
}
