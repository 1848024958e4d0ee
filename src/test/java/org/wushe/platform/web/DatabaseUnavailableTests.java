package org.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Which failures mean "the database cannot be reached" (answered 503 busy) and which stay errors; the answer itself
 * in a running application with a killed PostgreSQL is tested by the database package's DatabaseFailureTests.
 */
class DatabaseUnavailableTests {

    private final DatabaseUnavailable filter = new DatabaseUnavailable(answer());

    @Test
    void aConnectionFailureAnywhereInTheChainIsA503BusyAnswerWithRetryAfterAndTheRequestId() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("Set-Cookie", "half-written=1");
        filter.doFilter(request("GET", "/requests"), response, (req, res) -> {
            throw new ServletException(
                    "Request processing failed",
                    new CannotGetJdbcConnectionException(
                            "Failed to obtain JDBC Connection",
                            new SQLTransientConnectionException("wushe - Connection is not available")));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("Set-Cookie"))
                .as("what the chain had begun is discarded")
                .isNull();
        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("r-7");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("lang=\"zh-CN\"", "503", "系统繁忙", "<code>r-7</code>")
                .doesNotContain("Service busy");
    }

    @Test
    void aRollbackThatFailedAfterTheConnectionDiedIsStillA503() throws Exception {
        var rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request("POST", "/api/v1/public/help-requests"), response, (req, res) -> {
            throw rollbackFailed;
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"status\":503", "\"code\":\"error.databaseUnavailable\"", "\"requestId\":\"r-7\"");
    }

    @Test
    void aServerStillRecoveringIsA503AndOtherFailuresStayWhatTheyAre() throws Exception {
        MockHttpServletResponse recovering = new MockHttpServletResponse();
        filter.doFilter(request("GET", "/help"), recovering, (req, res) -> {
            throw new IllegalStateException(new SQLException("FATAL: the database system is starting up", "57P03"));
        });
        assertThat(recovering.getStatus()).isEqualTo(503);

        assertThatThrownBy(() -> filter.doFilter(request("GET", "/help"), new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException(new SQLException("duplicate key", "23505"));
                }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEnglishUserGetsTheEnglishPageEvenWithAMalformedLanguageCookie() throws Exception {
        MockHttpServletRequest english = request("GET", "/requests");
        english.setCookies(new Cookie("wushe-lang", "en"));
        MockHttpServletResponse page = new MockHttpServletResponse();
        filter.doFilter(english, page, (req, res) -> {
            throw new CannotGetJdbcConnectionException("down");
        });
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains("lang=\"en\"", "Service busy", "Wait a few seconds and try again")
                .doesNotContain("系统繁忙");

        MockHttpServletRequest malformed = request("GET", "/requests");
        malformed.setCookies(new Cookie("wushe-lang", "\"en\""));
        MockHttpServletResponse fallback = new MockHttpServletResponse();
        filter.doFilter(malformed, fallback, (req, res) -> {
            throw new CannotGetJdbcConnectionException("down");
        });
        assertThat(fallback.getStatus()).isEqualTo(503);
        assertThat(fallback.getContentAsString(StandardCharsets.UTF_8)).contains("lang=\"zh-CN\"");
    }

    private static ShedAnswer answer() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        var locales = new CookieLocaleResolver("wushe-lang");
        locales.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return new ShedAnswer(messages, locales);
    }

    private static MockHttpServletRequest request(String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setAttribute(RequestIdFilter.ATTRIBUTE, "r-7");
        return request;
    }
}
