package org.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public writes beyond the node's capacity are shed at once with 429, never queued without end. */
class PublicAdmissionTests {

    @Test
    void aPublicWriteBeyondCapacityIsAnswered429WithRetryAfterAndTheOthersRun() throws Exception {
        PublicAdmission admission = new PublicAdmission(1, Duration.ofMillis(50));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var first = CompletableFuture.runAsync(() -> {
            try {
                admission.doFilter(post("/api/v1/public/help-requests"), new MockHttpServletResponse(), (req, res) -> {
                    inside.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse shed = new MockHttpServletResponse();
        boolean[] ran = {false};
        long started = System.nanoTime();
        admission.doFilter(post("/help/requests"), shed, (req, res) -> ran[0] = true);
        assertThat(shed.getStatus()).isEqualTo(429);
        assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
        assertThat(ran[0]).as("a shed request never reaches the application").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        MockHttpServletResponse read = new MockHttpServletResponse();
        admission.doFilter(get("/api/v1/public/help-requests/ABCD2345"), read, (req, res) -> ran[0] = true);
        assertThat(ran[0]).as("reads and staff pages are not counted").isTrue();

        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        MockHttpServletResponse after = new MockHttpServletResponse();
        boolean[] ranAfter = {false};
        admission.doFilter(post("/api/v1/public/help-requests"), after, (req, res) -> ranAfter[0] = true);
        assertThat(ranAfter[0]).as("the permit is given back").isTrue();
    }

    private static MockHttpServletRequest post(String uri) {
        return new MockHttpServletRequest("POST", uri);
    }

    private static MockHttpServletRequest get(String uri) {
        return new MockHttpServletRequest("GET", uri);
    }
}
