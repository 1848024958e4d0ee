package org.wushe.requests.triage;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.RoleGroup;
import org.wushe.requests.Category;
import org.wushe.requests.Priority;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;

/** The triage rule table and the deadlines per priority, read by staff and edited by civil-affairs admins. */
@Service
class TriageSettings {

    private final TriageRules rules;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TriageSettings(TriageRules rules, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional(readOnly = true)
    public List<TriageRules.Rule> rules() {
        return rules.rules();
    }

    @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)
    @Transactional(readOnly = true)
    public List<TriageRules.Deadline> deadlines() {
        return rules.deadlines();
    }

    @PreAuthorize(RoleGroup.Guard.TRIAGE_EDITORS)
    @Transactional
    public void updateRule(long id, Priority priority, boolean enabled) {
        rules.updateRule(id, priority, enabled, currentUser.username());
        audit("rule", Long.toString(id));
    }

    @PreAuthorize(RoleGroup.Guard.TRIAGE_EDITORS)
    @Transactional
    public long addRule(Category category, String question, Priority priority) {
        long id = rules.addRule(
                category,
                question == null || question.isBlank() ? null : question.strip(),
                priority,
                currentUser.username());
        audit("rule", Long.toString(id));
        return id;
    }

    @PreAuthorize(RoleGroup.Guard.TRIAGE_EDITORS)
    @Transactional
    public void updateDeadline(Priority priority, int firstContactMinutes, int resolutionMinutes) {
        rules.updateDeadline(priority, firstContactMinutes, resolutionMinutes, currentUser.username());
        audit("deadline", priority.name());
    }

    private void audit(String entity, String id) {
        events.publishEvent(new Activity(
                clock.instant(),
                currentUser.username(),
                AuditAction.UPDATE,
                "help_request_" + entity,
                id,
                null,
                currentUser.clientAddress().orElse(null),
                null,
                List.of(entity)));
    }
}
