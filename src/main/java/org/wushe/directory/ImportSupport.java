package org.wushe.directory;

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
import org.wushe.access.KnownRegions;
import org.wushe.access.StaffPrincipal;
import org.wushe.directory.internal.ImportJobStore;
import org.wushe.directory.internal.ImportResultStore;
import org.wushe.shared.InvalidValueException;

/** What every spreadsheet import needs from the application, bundled so the imports share one constructor. */
@Component
class ImportSupport {

    /** Import files and their messages are Chinese, whatever the page language. */
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    final ImportResultStore results;
    final ImportJobStore jobs;
    final KnownRegions regions;
    final CurrentUser currentUser;
    final ApplicationEventPublisher events;
    final TaskExecutor executor;
    final TransactionTemplate transactions;
    final Clock clock;
    private final MessageSource messages;

    ImportSupport(ImportResultStore results, ImportJobStore jobs, KnownRegions regions, CurrentUser currentUser,
            MessageSource messages, ApplicationEventPublisher events,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            PlatformTransactionManager transactions, Clock clock) {
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
        if (auth == null || auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(authorities::contains)) {
            throw new AccessDeniedException("import");
        }
    }

    String actor() {
        return currentUser.principal().map(StaffPrincipal::username).orElseGet(currentUser::username);
    }

    String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, ZH);
    }

    String text(InvalidValueException problem) {
        return messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), ZH);
    }

    <E extends Enum<E>> List<String> labels(Class<E> type, String prefix) {
        return Arrays.stream(type.getEnumConstants()).map(e -> msg("directory." + prefix + "." + e.name())).toList();
    }

    /** Chinese label (or the constant's own name) → constant name. */
    <E extends Enum<E>> Map<String, String> labelMap(Class<E> type, String prefix) {
        Map<String, String> map = new HashMap<>();
        for (E e : type.getEnumConstants()) {
            map.put(msg("directory." + prefix + "." + e.name()), e.name());
            map.put(e.name(), e.name());
        }
        return map;
    }

    /** A cell listing several values: 、 , ， ; ； / or spaces between them. */
    static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.strip().split("[、,，;；/\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** Runs a check, turning a bad value into a problem of the column (and null). */
    static <T> T check(org.wushe.platform.spreadsheet.RowImport.Problems problems, String column,
            Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            problems.add(column, e);
            return null;
        }
    }
}
