package org.wushe.notify.sms;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wushe.notify.MessageKind;

/**
 * Which approved template of one provider carries each {@link MessageKind}. Built at start-up from configuration;
 * a kind without a template stops the start with a message naming the missing kinds and their environment
 * variables — a resident must not find out at send time that /help cannot text a code.
 */
public final class TemplateBook {

    /** A template code and the names of its variables, in the order of the kind's variables. */
    public record Template(String code, List<String> names) {}

    private final Map<MessageKind, Template> templates;

    private TemplateBook(Map<MessageKind, Template> templates) {
        this.templates = templates;
    }

    /** {@code configured}: kind key → {@code CODE} or {@code CODE:name1,name2}. */
    public static TemplateBook of(String provider, Map<String, String> configured) {
        Map<MessageKind, Template> book = new EnumMap<>(MessageKind.class);
        List<String> missing = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            String value = configured.getOrDefault(kind.key(), "").strip();
            if (value.isEmpty()) {
                missing.add(kind.key() + " (" + environmentVariable(provider, kind) + ")");
                continue;
            }
            int colon = value.indexOf(':');
            List<String> names = colon < 0
                    ? kind.variables()
                    : List.of(value.substring(colon + 1).split("\\s*,\\s*"));
            if (names.size() != kind.variables().size()) {
                throw new IllegalStateException("SMS template of " + kind.key() + " for " + provider + " names "
                        + names.size() + " variables; the message has " + kind.variables());
            }
            book.put(kind, new Template(colon < 0 ? value : value.substring(0, colon), names));
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("WUSHE_SMS_PROVIDER uses " + provider
                    + ", which has no approved template configured for: " + String.join(", ", missing)
                    + ". Set them (docs/operations.md, 'Text messages') or use WUSHE_SMS_PROVIDER=log.");
        }
        return new TemplateBook(book);
    }

    /** The variable an operator sets: {@code WUSHE_SMS_ALIYUN_TEMPLATE_REQUESTS_CODE}. */
    public static String environmentVariable(String provider, MessageKind kind) {
        return "WUSHE_SMS_" + provider.toUpperCase(Locale.ROOT) + "_TEMPLATE_" + kind.name();
    }

    public Template of(MessageKind kind) {
        return templates.get(kind);
    }
}
