package org.wushe.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** A reveal needs a reason and leaves an audit event naming who, when, what, from where and why. */
class SensitiveDataTests {

    static final Instant NOW = Instant.parse("2026-12-01T02:30:00Z");
    static final SensitiveField FIELD = new SensitiveField("resident", "42", RegionCode.parse("310104"), "phone");

    private final List<Object> events = new ArrayList<>();
    private final SensitiveData sensitiveData = new SensitiveData(events::add, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void revealPublishesWhoWhenWhatWhereAndWhyThenReturnsTheValue() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("wang.li", null, "ROLE_X"));
        var request = new MockHttpServletRequest();
        request.setRemoteAddr("10.1.2.3");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        String value = sensitiveData.reveal(FIELD, "  电话回访核实身份 ", () -> "13812345678");

        assertThat(value).isEqualTo("13812345678");
        assertThat(events)
                .containsExactly(new Activity(
                        NOW,
                        "wang.li",
                        AuditAction.REVEAL,
                        "resident",
                        "42",
                        RegionCode.parse("310104"),
                        "10.1.2.3",
                        "电话回访核实身份",
                        List.of("phone")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void aRevealWithoutReasonIsRefusedAndRecordsNothing(String reason) {
        assertRefused(reason);
    }

    @Test
    void aReasonHasAtMost200Characters() {
        assertRefused("因".repeat(201));
        assertThat(sensitiveData.reveal(FIELD, "因".repeat(200), () -> "v")).isEqualTo("v");
        assertThat(((Activity) events.get(0)).reason()).hasSize(200);
    }

    @Test
    void withoutSignedInUserOrRequestTheActorIsAnonymous() {
        sensitiveData.reveal(FIELD, "batch check", () -> "v");
        Activity activity = (Activity) events.get(0);
        assertThat(activity.actor()).isEqualTo("anonymous");
        assertThat(activity.clientAddress()).isNull();
    }

    @Test
    void viewedPublishesViewSensitive() {
        sensitiveData.viewed(FIELD);
        assertThat(events)
                .singleElement()
                .isEqualTo(new Activity(
                        NOW,
                        "anonymous",
                        AuditAction.VIEW_SENSITIVE,
                        "resident",
                        "42",
                        RegionCode.parse("310104"),
                        null,
                        null,
                        List.of("phone")));
    }

    private void assertRefused(String reason) {
        AtomicInteger reads = new AtomicInteger();
        InvalidValueException e = catchThrowableOfType(
                InvalidValueException.class,
                () -> sensitiveData.reveal(FIELD, reason, () -> "v" + reads.incrementAndGet()));
        assertThat(e.messageKey()).isEqualTo("privacy.reveal.reason");
        assertThat(e.arguments()).containsExactly(200);
        assertThat(reads).hasValue(0);
        assertThat(events).isEmpty();
    }
}
