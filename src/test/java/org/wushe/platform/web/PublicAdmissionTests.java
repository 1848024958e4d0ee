package org.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** The public writes beyond the node's capacity are shed at once with 429, never queued without end. */
class PublicAdmissionTests {

    @Test
    void aPublicWriteBeyondCapacityIsAnswered429WithRetryAfterAndTheOthersRun() throws Exception {
        PublicAdmission admission = new PublicAdmission(
                1, Duration.ofMillis(50), answer(new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE)));
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
        assertThat(shed.getContentType()).startsWith("text/html");
        assertThat(shed.getContentAsString(StandardCharsets.UTF_8))
                .contains("lang=\"zh-CN\"", "系统繁忙", "您的内容还没有提交", "<code>r-42</code>");
        assertThat(ran[0]).as("a shed request never reaches the application").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        MockHttpServletResponse shedApi = new MockHttpServletResponse();
        admission.doFilter(post("/api/v1/public/help-requests"), shedApi, (req, res) -> ran[0] = true);
        assertThat(shedApi.getStatus()).isEqualTo(429);
        assertThat(shedApi.getContentType()).isEqualTo("application/problem+json");
        var problem = JsonMapper.builder().build().readTree(shedApi.getContentAsByteArray());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("code").asString()).isEqualTo("error.overloaded");
        assertThat(problem.get("detail").asString()).contains("还没有提交");
        assertThat(problem.get("requestId").asString()).isEqualTo("r-42");
        assertThat(ran[0]).isFalse();

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

    @Test
    void theShedAnswerSpeaksTheChosenLanguage() throws Exception {
        MockHttpServletResponse page = new MockHttpServletResponse();
        answer(new FixedLocaleResolver(Locale.ENGLISH)).write(post("/volunteer/register"), page);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains("lang=\"en\"", "Busy right now", "has not been submitted yet");
        MockHttpServletResponse french = new MockHttpServletResponse();
        answer(new FixedLocaleResolver(Locale.FRENCH)).write(post("/api/v1/check-in/x"), french);
        assertThat(french.getContentAsString(StandardCharsets.UTF_8)).contains("还没有提交");
    }

    private static ShedAnswer answer(LocaleResolver locales) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ShedAnswer(messages, locales);
    }

    private static MockHttpServletRequest post(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setAttribute(RequestIdFilter.ATTRIBUTE, "r-42");
        return request;
    }

    private static MockHttpServletRequest get(String uri) {
        return new MockHttpServletRequest("GET", uri);
    }
}
