package org.wushe.requests;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The triage answers as stored (encrypted): {@code question=yes|no} pairs joined by {@code ;}. */
public final class Answers {

    private Answers() {}

    public static String format(Map<String, Boolean> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(answers)
                .forEach((k, v) -> text.append(text.isEmpty() ? "" : ";")
                        .append(k)
                        .append('=')
                        .append(Boolean.TRUE.equals(v) ? "yes" : "no"));
        return text.toString();
    }

    public static Map<String, Boolean> parse(String text) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(";")) {
                int eq = pair.indexOf('=');
                answers.put(pair.substring(0, eq), "yes".equals(pair.substring(eq + 1)));
            }
        }
        return answers;
    }
}
