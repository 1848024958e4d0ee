package org.wushe.privacy.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;

/**
 * Reads {@code WUSHE_CRYPTO_KEYS} ({@code id1:base64,id2:base64}) into the {@code wushe.crypto.keys} map.
 * It never throws: Spring would print the rejected value, i.e. the keys, in its start-up failure report. A
 * malformed or repeated entry becomes the invalid id {@code #n} instead, which {@link KeyRing} then rejects.
 */
final class KeyList implements Converter<String, Map<String, String>> {

    @Override
    public Map<String, String> convert(String source) {
        return parse(source);
    }

    static Map<String, String> parse(String text) {
        Map<String, String> keys = new LinkedHashMap<>();
        String[] entries = text == null ? new String[0] : text.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon > 0 ? entry.substring(0, colon).strip() : "";
            if (id.isEmpty() || keys.containsKey(id)) {
                keys.put("#" + (i + 1), "");
            } else {
                keys.put(id, entry.substring(colon + 1).strip());
            }
        }
        return keys;
    }
}
