package org.wushe.privacy;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;

/**
 * Audited access to sensitive fields: a reveal needs a reason and leaves an {@link Activity} in the caller's
 * transaction, so no value is shown without its audit event being stored. Whether the caller may see the
 * record at all is the calling module's check (its façade's {@code @PreAuthorize} and data scope).
 */
@Service
public class SensitiveData {

    public static final int MAX_REASON = 200;
    public static final String REASON_REQUIRED = "privacy.reveal.reason";

    private final ApplicationEventPublisher events;
    private final Clock clock;

    SensitiveData(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records REVEAL with the reason, then returns the clear value. */
    @Transactional
    public String reveal(SensitiveField field, String reason, Supplier<String> clearValue) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidValueException(REASON_REQUIRED, MAX_REASON);
        }
        publish(AuditAction.REVEAL, field, why);
        return clearValue.get();
    }

    /** Records that a page showed this field (masked or not) to the caller. */
    @Transactional
    public void viewed(SensitiveField field) {
        publish(AuditAction.VIEW_SENSITIVE, field, null);
    }

    private void publish(AuditAction action, SensitiveField field, String reason) {
        events.publishEvent(new Activity(
                clock.instant(),
                Caller.name(),
                action,
                field.entityType(),
                field.entityId(),
                field.regionCode(),
                Caller.address(),
                reason,
                List.of(field.fieldName())));
    }
}
