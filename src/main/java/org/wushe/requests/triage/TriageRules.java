package org.wushe.requests.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.requests.Category;
import org.wushe.requests.Priority;
import org.wushe.shared.InvalidValueException;

/**
 * The triage rule table and the deadlines per priority, both in PostgreSQL and edited by civil-affairs admins.
 * Intake reads them on every submission, so they are held in memory for {@link #TTL}: an edit shows at once on
 * the node that made it and within seconds on the others, and a surge of submissions costs no rule queries.
 */
@Component
public class TriageRules {

    static final Duration TTL = Duration.ofSeconds(15);

    record Rule(long id, Category category, String question, Priority priority, boolean enabled) {}

    record Deadline(Priority priority, int firstContactMinutes, int resolutionMinutes) {}

    public record Outcome(Priority priority, Instant firstContactDue, Instant resolutionDue) {}

    private record Snapshot(List<Rule> rules, Map<Priority, Deadline> deadlines, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;

    TriageRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The highest priority among the enabled rules that apply (P4 when none does), with its deadlines. */
    public Outcome evaluate(Category category, Set<String> answeredYes, Instant at) {
        Snapshot s = current();
        Priority best = null;
        for (Rule r : s.rules()) {
            boolean categoryMatches = r.category() == null || r.category() == category;
            boolean questionMatches = r.question() == null || answeredYes.contains(r.question());
            if (r.enabled() && categoryMatches && questionMatches) {
                best = r.priority().higherOf(best);
            }
        }
        Priority priority = best == null ? Priority.P4 : best;
        return new Outcome(
                priority,
                at.plus(Duration.ofMinutes(s.deadlines().get(priority).firstContactMinutes())),
                at.plus(Duration.ofMinutes(s.deadlines().get(priority).resolutionMinutes())));
    }

    Deadline deadline(Priority priority) {
        return current().deadlines().get(priority);
    }

    List<Rule> rules() {
        return load().rules();
    }

    List<Deadline> deadlines() {
        return List.copyOf(load().deadlines().values());
    }

    void updateRule(long id, Priority priority, boolean enabled, String by) {
        if (jdbc.sql(
                                "update requests_triage_rule set priority = ?, enabled = ?, updated_at = ?, updated_by = ? where id = ?")
                        .params(priority.name(), enabled, Timestamp.from(clock.instant()), by, id)
                        .update()
                != 1) {
            throw new InvalidValueException("requests.error.ruleUnknown");
        }
        snapshot = null;
    }

    long addRule(Category category, String question, Priority priority, String by) {
        if (question != null
                && !Category.FELT_VERY_URGENT.equals(question)
                && (category == null || !category.questions().contains(question))) {
            throw new InvalidValueException("requests.error.questionUnknown", question);
        }
        Long id = jdbc.sql("""
                insert into requests_triage_rule (category, question, priority, updated_at, updated_by)
                values (?, ?, ?, ?, ?) on conflict do nothing returning id""")
                .params(
                        category == null ? null : category.name(),
                        question,
                        priority.name(),
                        Timestamp.from(clock.instant()),
                        by)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidValueException("requests.error.ruleExists"));
        snapshot = null;
        return id;
    }

    void updateDeadline(Priority priority, int firstContactMinutes, int resolutionMinutes, String by) {
        if (firstContactMinutes < 1 || resolutionMinutes < firstContactMinutes || resolutionMinutes > 60 * 24 * 90) {
            throw new InvalidValueException("requests.error.deadline");
        }
        jdbc.sql("""
                update requests_deadline set first_contact_minutes = ?, resolution_minutes = ?, updated_at = ?,
                    updated_by = ? where priority = ?""")
                .params(firstContactMinutes, resolutionMinutes, Timestamp.from(clock.instant()), by, priority.name())
                .update();
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(TTL).isBefore(clock.instant())) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        List<Rule> rules = jdbc.sql("""
                select id, category, question, priority, enabled from requests_triage_rule
                order by category nulls first, question nulls first""")
                .query((rs, n) -> new Rule(
                        rs.getLong(1),
                        rs.getString(2) == null ? null : Category.valueOf(rs.getString(2)),
                        rs.getString(3),
                        Priority.valueOf(rs.getString(4)),
                        rs.getBoolean(5)))
                .list();
        Map<Priority, Deadline> deadlines = new EnumMap<>(Priority.class);
        jdbc.sql("select priority, first_contact_minutes, resolution_minutes from requests_deadline")
                .query((rs, n) -> new Deadline(Priority.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
                .list()
                .forEach(d -> deadlines.put(d.priority(), d));
        return new Snapshot(rules, deadlines, clock.instant());
    }
}
