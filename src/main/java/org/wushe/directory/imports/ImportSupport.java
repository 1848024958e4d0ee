package org.wushe.directory.imports;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.CurrentUser;
import org.wushe.access.DataScope;
import org.wushe.access.KnownRegions;
import org.wushe.access.StaffPrincipal;
import org.wushe.platform.spreadsheet.RowImport;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.Name;
import org.wushe.shared.PlainText;
import org.wushe.shared.RegionCode;

/**
 * What every spreadsheet import needs from the application, bundled so the imports share one constructor, and the
 * cell rules the imports of several lists share.
 */
@Component
public class ImportSupport {

    /** Import files and their messages are Chinese, whatever the page language. */
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    final ImportResultStore results;
    final ImportJobStore jobs;
    final CurrentUser currentUser;
    final ApplicationEventPublisher events;
    final TaskExecutor executor;
    final TransactionTemplate transactions;
    private final KnownRegions regions;
    final Clock clock;
    private final MessageSource messages;

    ImportSupport(
            ImportResultStore results,
            ImportJobStore jobs,
            KnownRegions regions,
            CurrentUser currentUser,
            MessageSource messages,
            ApplicationEventPublisher events,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.results = results;
        this.jobs = jobs;
        this.regions = regions;
        this.currentUser = currentUser;
        this.messages = messages;
        this.events = events;
        this.executor = executor;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Method security for the imports' shared methods: the caller must hold one of these authorities. */
    void require(Set<String> authorities) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null
                || auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .noneMatch(authorities::contains)) {
            throw new AccessDeniedException("import");
        }
    }

    public String actor() {
        return currentUser.principal().map(StaffPrincipal::username).orElseGet(currentUser::username);
    }

    public String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, ZH);
    }

    boolean regionExists(RegionCode code) {
        return regions.exists(code);
    }

    /** The region checks of one run in {@code scope} (each code looked up once). */
    public ImportRegions regions(DataScope scope) {
        return new ImportRegions(this, scope);
    }

    public Clock clock() {
        return clock;
    }

    String text(InvalidValueException problem) {
        return messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), ZH);
    }

    public <E extends Enum<E>> List<String> labels(Class<E> type, String prefix) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> msg("directory." + prefix + "." + e.name()))
                .toList();
    }

    /** Chinese label (or the constant's own name) → constant name. */
    public <E extends Enum<E>> Map<String, String> labelMap(Class<E> type, String prefix) {
        Map<String, String> map = new HashMap<>();
        for (E e : type.getEnumConstants()) {
            map.put(msg("directory." + prefix + "." + e.name()), e.name());
            map.put(e.name(), e.name());
        }
        return map;
    }

    /** A cell listing several values: 、 , ， ; ； / or spaces between them. */
    public static List<String> split(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : Arrays.stream(value.strip().split("[、,，;；/\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
    }

    /** Runs a check, turning a bad value into a problem of the column (and null). */
    public static <T> T check(RowImport.Problems problems, String column, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            problems.add(column, e);
            return null;
        }
    }

    /** Strips; empty → null unless required; at most {@code max} characters. */
    public static String text(String raw, int max, String requiredKey, String lengthKey) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty() && requiredKey != null) {
            throw new InvalidValueException(requiredKey);
        }
        if (s.codePointCount(0, s.length()) > max) {
            throw new InvalidValueException(lengthKey, max);
        }
        PlainText.parse(s);
        return s.isEmpty() ? null : s;
    }

    /** A name column: {@link #text} and then {@link Name} (seen, one line, no direction controls); null stays null. */
    public static String name(String raw, int max, String requiredKey, String lengthKey) {
        String s = text(raw, max, requiredKey, lengthKey);
        return s == null ? null : Name.parse(s).value();
    }

    /** A constant by its name (any case), else the problem {@code unknownKey}. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String unknownKey) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException(unknownKey, raw);
        }
    }
}
