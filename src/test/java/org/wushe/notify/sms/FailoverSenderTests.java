package org.wushe.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.wushe.notify.MessageKind;
import org.wushe.notify.MessageSender.OutgoingMessage;
import org.wushe.notify.MessageSender.SendFailure;
import org.wushe.shared.PhoneNumber;

/** Failover between two providers: pause after repeated failures, take over, resume; codes fail over at once. */
class FailoverSenderTests {

    /** A provider whose next answer the test sets. */
    static class Fake implements SmsProvider {
        final String name;
        final List<Long> sent = new ArrayList<>();
        SendFailure.Kind failing;

        Fake(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Accepted send(OutgoingMessage message) {
            if (failing != null) {
                throw new SendFailure(name, "Down", failing, null);
            }
            sent.add(message.id());
            return new Accepted(name, name + "-" + message.id());
        }

        @Override
        public List<Receipt> receipts(List<Awaiting> awaiting) {
            return List.of();
        }
    }

    static OutgoingMessage message(long id, MessageKind kind) {
        List<String> variables = kind.variables().stream().map(v -> "x").toList();
        return new OutgoingMessage(id, "SMS", PhoneNumber.parse("13912345678"), kind, variables);
    }

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-10T00:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aRepeatedlyFailingProviderIsPausedAndTheOtherTakesOverUntilThePauseEnds() {
        Fake aliyun = new Fake("aliyun");
        Fake tencent = new Fake("tencent");
        FailoverSender sender = new FailoverSender(List.of(aliyun, tencent), 3, Duration.ofMinutes(2), clock);
        aliyun.failing = SendFailure.Kind.TRANSIENT;

        for (int i = 1; i <= 3; i++) {
            long id = i;
            assertThatThrownBy(() -> sender.send(message(id, MessageKind.REQUEST_SUBMITTED)))
                    .as("a status message is retried later by the dispatcher, not sent elsewhere at once")
                    .isInstanceOf(SendFailure.class);
        }
        assertThat(tencent.sent).isEmpty();
        assertThat(sender.paused("aliyun")).isTrue();

        assertThat(sender.send(message(4, MessageKind.REQUEST_SUBMITTED)).provider())
                .isEqualTo("tencent");

        now.set(now.get().plus(Duration.ofMinutes(3)));
        aliyun.failing = null;
        assertThat(sender.paused("aliyun")).isFalse();
        assertThat(sender.send(message(5, MessageKind.REQUEST_SUBMITTED)).provider())
                .isEqualTo("aliyun");
    }

    @Test
    void aVerificationCodeFailsOverAtOnceEvenAfterATimeout() {
        Fake aliyun = new Fake("aliyun");
        Fake tencent = new Fake("tencent");
        FailoverSender sender = new FailoverSender(List.of(aliyun, tencent), 5, Duration.ofMinutes(2), clock);
        aliyun.failing = SendFailure.Kind.UNCERTAIN;

        assertThat(sender.send(message(1, MessageKind.REQUEST_CODE)).provider()).isEqualTo("tencent");
        assertThat(tencent.sent).containsExactly(1L);
    }

    @Test
    void aBadNumberIsNotTheProvidersFaultAndGoesNowhereElse() {
        Fake aliyun = new Fake("aliyun");
        Fake tencent = new Fake("tencent");
        FailoverSender sender = new FailoverSender(List.of(aliyun, tencent), 1, Duration.ofMinutes(2), clock);
        aliyun.failing = SendFailure.Kind.PERMANENT;

        assertThatThrownBy(() -> sender.send(message(1, MessageKind.REQUEST_CODE)))
                .isInstanceOfSatisfying(
                        SendFailure.class, f -> assertThat(f.kind()).isEqualTo(SendFailure.Kind.PERMANENT));
        assertThat(tencent.sent).isEmpty();
        assertThat(sender.paused("aliyun")).isFalse();
    }
}
