package org.wushe.audit.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wushe.shared.Activity;

/**
 * In every test's application context: an {@link Activity} published by the application's own code (not by a
 * test) whose entity type or fields have no name in both bundles fails the action that published it, so a new
 * entity type or field cannot reach the audit page as a bare code (issue 15 item 3). Activities a test builds
 * itself (odd text on purpose) are left alone.
 */
@Component
class UnlabelledActivityGuard {

    private static final Path TEST_CLASSES = Path.of("test-classes");
    /** Record types only tests invent, audited by production code they drive (privacy's RevealDemoController). */
    private static final Set<String> TEST_ENTITY_TYPES = Set.of("demo_person");

    private final AuditLabels labels;

    UnlabelledActivityGuard(AuditLabels labels) {
        this.labels = labels;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void on(Activity activity) {
        if (publishedByATest() || TEST_ENTITY_TYPES.contains(activity.entityType())) {
            return;
        }
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            List<String> missing = labels.missing(activity.entityType(), activity.fields(), locale);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The audit trail would show bare codes: " + activity.entityType() + " "
                        + activity.fields() + " lacks " + missing + " (" + locale + "); add them to AuditLabels and "
                        + "to messages_zh_CN.properties and messages_en.properties");
            }
        }
    }

    /** Whether the first application frame that led here is a test's (the publisher built the activity itself). */
    private static boolean publishedByATest() {
        Optional<Class<?>> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(c -> c.getName().startsWith("org.wushe.") && c != UnlabelledActivityGuard.class)
                        .findFirst());
        return caller.map(UnlabelledActivityGuard::isTestClass).orElse(false);
    }

    static boolean isTestClass(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source != null
                && source.getLocation() != null
                && source.getLocation().getPath().contains("/" + TEST_CLASSES + "/");
    }
}
