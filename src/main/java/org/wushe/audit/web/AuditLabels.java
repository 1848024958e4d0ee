package org.wushe.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the audit pages and the export show for the codes a row stores: entity types ({@code help_request}),
 * field names ({@code idNumber}, {@code riskLevel:HIGH}, {@code read=12}) and actors ({@code system},
 * {@code api:hotline}) in the reader's language. Labels are the bundle keys {@code audit.entity.*},
 * {@code audit.field.*}, {@code audit.value.<field>.<VALUE>} and {@code audit.actor.*}; a code without one is
 * shown as it is (and fails the tests: see UnlabelledActivityGuard).
 */
@Component
class AuditLabels {

    /**
     * Every entity type the modules write (the filter's choices). A module that writes a new one adds it here and
     * to both bundles; the tests refuse an activity of a type missing from this list.
     */
    static final List<String> ENTITY_TYPES = List.of(
            "account",
            "api_client",
            "audit_entry",
            "help_request",
            "help_request_rule",
            "help_request_deadline",
            "organisation",
            "region",
            "resident",
            "resident_alert",
            "resident_assessment",
            "resident_case",
            "resident_check_in",
            "resident_visit",
            "sms_message",
            "social_worker",
            "statistics_report",
            "verification_campaign",
            "verification_task",
            "volunteer");

    /** Actors that are no account: a word instead. */
    static final List<String> SPECIAL_ACTORS = List.of("system", "anonymous", "resident", "volunteer-self");

    static final String API_PREFIX = "api:";

    /**
     * The reasons code writes (not a person): stored as they are, so the trail stays stable and comparable, and
     * shown through {@code audit.reason.<key>}. Free text typed by a person is shown as typed.
     */
    static final Map<String, String> CODE_REASONS = Map.of(
            "reset", "reset",
            "rotate", "rotate",
            "revoke", "revoke",
            "volunteer", "volunteer",
            "volunteer self-activation", "volunteerSelfActivation",
            "self-service account activation", "selfServiceActivation",
            "malformed", "tokenMalformed",
            "unknown", "tokenUnknown",
            "revoked", "tokenRevoked");

    /** The reason directory writes when a repeated volunteer registration is merged, with the earlier status. */
    static final Pattern VOLUNTEER_MERGED = Pattern.compile("repeated registration merged \\(was ([A-Z_]+)\\)");

    /** A field with a value after it: {@code riskLevel:HIGH}, {@code read=12}. */
    private static final Pattern WITH_VALUE = Pattern.compile("[=:]");
    /** A value that is an enumeration constant, which needs a label of its own. */
    static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final MessageSource messages;

    AuditLabels(MessageSource messages) {
        this.messages = messages;
    }

    String entity(String type, Locale locale) {
        return type == null ? null : label("audit.entity." + type, type, locale);
    }

    String actor(String actor, Locale locale) {
        if (actor == null) {
            return null;
        }
        if (actor.startsWith(API_PREFIX)) {
            return messages.getMessage("audit.actor.api", new Object[] {actor.substring(API_PREFIX.length())}, locale);
        }
        return SPECIAL_ACTORS.contains(actor) ? label("audit.actor." + actor, actor, locale) : actor;
    }

    /** A reason in the reader's language when code wrote it; a person's own words as they are. */
    String reason(String reason, Locale locale) {
        if (reason == null) {
            return null;
        }
        String key = CODE_REASONS.get(reason);
        if (key != null) {
            return label("audit.reason." + key, reason, locale);
        }
        var merged = VOLUNTEER_MERGED.matcher(reason);
        if (merged.matches()) {
            String status = merged.group(1);
            return messages.getMessage(
                    "audit.reason.volunteerMerged",
                    new Object[] {messages.getMessage("directory.volunteerStatus." + status, null, status, locale)},
                    reason,
                    locale);
        }
        return reason;
    }

    String field(String field, Locale locale) {
        Parts p = Parts.of(field);
        String name = label("audit.field." + p.name(), p.name(), locale);
        if (p.value() == null) {
            return name;
        }
        // only a constant has a label (read=12 shows the count as it is): no bundle lookup bound to miss
        String value = CONSTANT.matcher(p.value()).matches()
                ? label("audit.value." + p.name() + "." + p.value(), p.value(), locale)
                : p.value();
        return messages.getMessage("audit.field.withValue", new Object[] {name, value}, locale);
    }

    List<String> fields(List<String> fields, Locale locale) {
        return fields.stream().map(f -> field(f, locale)).toList();
    }

    /** The bundle keys an activity of this type with these fields needs and the bundle lacks (empty: none). */
    List<String> missing(String entityType, List<String> fields, Locale locale) {
        List<String> missing = new ArrayList<>();
        if (!ENTITY_TYPES.contains(entityType)) {
            missing.add("AuditLabels.ENTITY_TYPES: " + entityType);
        }
        need(missing, "audit.entity." + entityType, locale);
        for (String field : fields) {
            Parts p = Parts.of(field);
            need(missing, "audit.field." + p.name(), locale);
            if (p.value() != null && CONSTANT.matcher(p.value()).matches()) {
                need(missing, "audit.value." + p.name() + "." + p.value(), locale);
            }
        }
        return missing;
    }

    private void need(List<String> missing, String key, Locale locale) {
        if (messages.getMessage(key, null, null, locale) == null) {
            missing.add(key);
        }
    }

    private String label(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }

    private record Parts(String name, String value) {
        static Parts of(String field) {
            var m = WITH_VALUE.matcher(field);
            return m.find()
                    ? new Parts(field.substring(0, m.start()), field.substring(m.end()))
                    : new Parts(field, null);
        }
    }
}
