package org.wushe.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every entity type and field name the code writes to the audit trail has a name in both bundles (issue 15 item
 * 3). This test reads them from the sources: the literal entity types of {@code new Activity(…)} and
 * {@code new SensitiveField(…)}, the {@code ENTITY}/{@code TASK} constants, and the literal field names in the
 * {@code List.of(…)} handed to an activity or an {@code audit(…)}/{@code publish(…)}/{@code activity(…)} helper.
 * Names built at run time are checked as they are published by {@link UnlabelledActivityGuard} in every test.
 */
class AuditLabelsTests {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern CALL = Pattern.compile(
            "new Activity\\(|new SensitiveField\\(|\\b(?:audit|publish|activity)\\(|FIELDS = List\\.of\\(");
    private static final Pattern LIST = Pattern.compile("List\\.of\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CONSTANT = Pattern.compile("static final String (?:ENTITY|TASK) = \"([a-z_]+)\"");
    /** A one-field helper: {@code save(r, "assignment")}, {@code audit(r, AuditAction.UPDATE, "note")}. */
    private static final Pattern ONE_FIELD =
            Pattern.compile("\\b(?:save|audit)\\(r, (?:AuditAction\\.\\w+, )?\"([a-zA-Z]+)\"\\)");

    private final AuditLabels labels = new AuditLabels(bundles());

    static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void everyEntityTypeAndFieldTheCodeWritesHasANameInBothLanguages() throws IOException {
        Set<String> types = new TreeSet<>();
        Set<String> fields = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                scan(Files.readString(file), types, fields);
            }
        }
        assertThat(types).contains("help_request", "resident", "verification_task", "account", "region");
        assertThat(fields)
                .contains("idNumber", "phone", "controlLevel", "riskLevel", "read", "assignment", "checkInEnrolment");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            List<String> missing = new ArrayList<>();
            types.forEach(t -> missing.addAll(labels.missing(t, List.of(), locale)));
            missing.addAll(labels.missing("resident", List.copyOf(fields), locale));
            assertThat(missing).as("labels missing in " + locale).isEmpty();
        }
    }

    @Test
    void everyListedEntityTypeHasAName() {
        for (String type : AuditLabels.ENTITY_TYPES) {
            assertThat(labels.missing(type, List.of(), Locale.SIMPLIFIED_CHINESE))
                    .isEmpty();
            assertThat(labels.entity(type, Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(type);
        }
    }

    @Test
    void fieldsWithAValueNameBothAndAnUnknownOneIsReported() {
        assertThat(labels.field("idNumber", Locale.SIMPLIFIED_CHINESE)).isEqualTo("身份证号");
        assertThat(labels.field("checkInEnrolment", Locale.SIMPLIFIED_CHINESE)).isEqualTo("开通每日报平安");
        assertThat(labels.field("riskLevel:HIGH", Locale.SIMPLIFIED_CHINESE)).isEqualTo("风险等级：高风险");
        assertThat(labels.field("read=12", Locale.ENGLISH)).isEqualTo("rows read: 12");
        assertThat(labels.actor("system", Locale.SIMPLIFIED_CHINESE)).isEqualTo("系统（自动）");
        assertThat(labels.actor("api:hotline", Locale.SIMPLIFIED_CHINESE)).isEqualTo("接口客户端 hotline");
        assertThat(labels.actor("civil", Locale.SIMPLIFIED_CHINESE)).isEqualTo("civil");
        assertThat(labels.missing("brand_new", List.of("newField", "stage:NEW_STAGE"), Locale.ENGLISH))
                .containsExactly(
                        "AuditLabels.ENTITY_TYPES: brand_new",
                        "audit.entity.brand_new",
                        "audit.field.newField",
                        "audit.value.stage.NEW_STAGE");
    }

    @Test
    void theGuardTellsTestClassesFromTheApplications() {
        assertThat(UnlabelledActivityGuard.isTestClass(AuditLabelsTests.class)).isTrue();
        assertThat(UnlabelledActivityGuard.isTestClass(AuditLabels.class)).isFalse();
    }

    private static void scan(String source, Set<String> types, Set<String> fields) {
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            types.add(constant.group(1));
        }
        Matcher one = ONE_FIELD.matcher(source);
        while (one.find()) {
            fields.add(one.group(1));
        }
        Matcher call = CALL.matcher(source);
        while (call.find()) {
            String args = arguments(source, call.end());
            List<String> parts = split(args);
            if (call.group().startsWith("new Activity") && parts.size() > 3) {
                literal(parts.get(3)).ifPresent(types::add);
            }
            if (call.group().startsWith("new SensitiveField") && parts.size() > 3) {
                literal(parts.get(0)).ifPresent(types::add);
                literal(parts.get(3)).ifPresent(fields::add);
            }
            String lists = call.group().startsWith("FIELDS") ? args : listsIn(args);
            Matcher literal = LITERAL.matcher(lists);
            while (literal.find()) {
                String field = literal.group(1).split("[=:]", 2)[0];
                if (!field.isEmpty()) {
                    fields.add(field);
                }
            }
        }
    }

    private static Optional<String> literal(String argument) {
        Matcher m = Pattern.compile("^\"([a-zA-Z_]+)\"$").matcher(argument.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The text of the List.of(…) calls inside an argument list. */
    private static String listsIn(String args) {
        StringBuilder lists = new StringBuilder();
        Matcher list = LIST.matcher(args);
        while (list.find()) {
            lists.append(arguments(args, list.end())).append('\n');
        }
        return lists.toString();
    }

    /** The text from {@code start} (just after an opening parenthesis) to its closing one. */
    private static String arguments(String text, int start) {
        int depth = 1;
        boolean quoted = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return text.substring(start, i);
            }
        }
        return text.substring(start);
    }

    /** Top-level arguments, split on the commas outside parentheses and strings. */
    private static List<String> split(String args) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '<')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '>') && depth > 0) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(args.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(args.substring(from));
        return parts;
    }

    @Test
    void reasonsWrittenByCodeAreShownInWordsAndAPersonsReasonAsTyped() {
        var bundles = bundles();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            AuditLabels.CODE_REASONS
                    .values()
                    .forEach(key -> assertThat(bundles.getMessage("audit.reason." + key, null, null, locale))
                            .as(key + " in " + locale)
                            .isNotBlank());
        }
        assertThat(labels.reason("reset", Locale.SIMPLIFIED_CHINESE)).isEqualTo("管理员重置密码");
        assertThat(labels.reason("rotate", Locale.ENGLISH)).isEqualTo("token rotated");
        assertThat(labels.reason("repeated registration merged (was PENDING)", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("重复登记已合并（原为待审核）");
        assertThat(labels.reason("核实身份", Locale.ENGLISH)).isEqualTo("核实身份");
        assertThat(labels.reason(null, Locale.ENGLISH)).isNull();
    }
}
