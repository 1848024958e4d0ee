package org.wushe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.WusheIntegrationTest;

/** Limits are counted in PostgreSQL (shared by all nodes), per bucket and key. */
@WusheIntegrationTest
@org.springframework.context.annotation.Import(RateLimitsTests.Endpoint.class)
class RateLimitsTests {

    @Autowired
    RateLimits limits;

    @Autowired
    MockMvcTester mvc;

    /** A public endpoint as the intake will have one: one request per minute per address. */
    @RestController
    static class LimitedEndpoint {
        private final RateLimits limits;

        LimitedEndpoint(RateLimits limits) {
            this.limits = limits;
        }

        @GetMapping("/api/v1/regions/test-limited")
        String limited(HttpServletRequest request) {
            limits.hit("test-endpoint", request.getRemoteAddr(), 1, Duration.ofMinutes(1));
            return "ok";
        }
    }

    @TestConfiguration
    static class Endpoint {
        @Bean
        LimitedEndpoint limitedEndpoint(RateLimits limits) {
            return new LimitedEndpoint(limits);
        }
    }

    @Test
    void aPublicEndpointAnswers429WithRetryAfter() {
        assertThat(mvc.get().uri("/api/v1/regions/test-limited")).hasStatusOk();
        var refused = mvc.get().uri("/api/v1/regions/test-limited").exchange();
        assertThat(refused)
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("error.rateLimited");
        assertThat(Integer.parseInt(refused.getResponse().getHeader("Retry-After")))
                .isBetween(1, 60);
    }

    @Test
    void theHitAfterTheLimitIsRefusedWithWhenToRetry() {
        for (int i = 0; i < 3; i++) {
            limits.hit("test-intake", "13800000001", 3, Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> limits.hit("test-intake", "13800000001", 3, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(
                        RateLimitExceededException.class,
                        e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
        limits.hit("test-intake", "13800000002", 3, Duration.ofMinutes(1)); // another key has its own count
        limits.hit("other-bucket", "13800000001", 3, Duration.ofMinutes(1));
    }

    @Test
    void severalLimitsAreCountedTogetherAndTheLongestWaitIsGiven() {
        RateLimits.Limit address = new RateLimits.Limit("test-multi-address", "10.9.8.7", 3, Duration.ofHours(1));
        RateLimits.Limit phone = new RateLimits.Limit("test-multi-phone", "13800000009", 1, Duration.ofMinutes(1));
        limits.hit(address, phone);
        assertThatThrownBy(() -> limits.hit(address, phone))
                .isInstanceOfSatisfying(
                        RateLimitExceededException.class,
                        e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
        // a refused hit is not charged (its transaction rolls back): the address is at 1 of 3, two more fill it
        limits.hit(address);
        limits.hit(address);
        // both exceeded: the address's hour lasts longer than the phone's minute (an hour ends on a minute), and
        // how long is left of the hour depends on the time of day, so it is bounded by clock readings around the call
        Instant before = Instant.now();
        RateLimitExceededException refused = catchThrowableOfType(
                RateLimitExceededException.class,
                () -> limits.hit(
                        address, new RateLimits.Limit("test-multi-phone", "13800000010", 0, Duration.ofMinutes(1))));
        Instant after = Instant.now();
        assertThat(refused.retryAfter()).isBetween(untilNextHour(after), untilNextHour(before));
    }

    private static Duration untilNextHour(Instant t) {
        return Duration.between(t, t.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
    }
}
