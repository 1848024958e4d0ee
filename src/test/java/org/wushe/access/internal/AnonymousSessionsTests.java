package org.wushe.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.notify.OutboxTexts;
import org.wushe.privacy.CryptoService;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Intake;
import org.wushe.shared.RegionCode;

/**
 * Issue 13 item 10: anonymous visitors write no session row (each is a row in {@code spring_session}); the public
 * forms and the login form still carry a CSRF token (a cookie) that is enforced, and a signed-out visitor still
 * returns to the page they asked for after signing in.
 */
@WusheIntegrationTest
class AnonymousSessionsTests {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FilterChainProxy filters;

    @Autowired
    HelpRequests helpRequests;

    @Autowired
    CryptoService crypto;

    @Autowired
    Accounts accounts;

    /**
     * spring-security-test's {@code csrf()}, used by most web tests, swaps a session-backed repository into the
     * shared context's CSRF filters for good; put the application's own back so this test sees what a browser sees.
     */
    @BeforeEach
    void realCsrfTokens() {
        for (var chain : filters.getFilterChains()) {
            for (var filter : chain.getFilters()) {
                if (filter instanceof CsrfFilter csrf) {
                    ReflectionTestUtils.setField(csrf, "tokenRepository", SessionlessAnonymous.csrfTokens());
                }
            }
        }
    }

    @Test
    void aFloodOfAnonymousRequestsWritesNoSession() {
        String trackingCode = aHelpRequest();
        Set<String> before = sessionIds();
        List<String> gets = List.of(
                "/help",
                "/help?lang=en",
                "/help/track",
                "/help/status/" + trackingCode,
                "/help/status/ZZZZ9999",
                "/help/font?large=1&back=/help",
                "/volunteer/register",
                "/volunteer/register/done",
                "/volunteer/register/font?large=1",
                "/volunteer/activate",
                "/login",
                "/login?error",
                "/login?expired",
                "/login?lang=en",
                "/",
                "/requests",
                "/residents/1",
                "/no-such-page",
                "/css/help.css",
                "/js/wushe.js",
                "/favicon.ico",
                "/actuator/health",
                "/api/v1/help-requests",
                "/api/v1/accounts",
                "/api/v1/regions/310104",
                "/api/v1/public/help-requests/" + trackingCode,
                "/api/v1/public/help-requests/ZZZZ9999",
                "/check-in/not-a-token");
        for (int round = 0; round < 3; round++) {
            for (String uri : gets) {
                assertThat(mvc.get()
                                .uri(uri)
                                .with(from())
                                .exchange()
                                .getResponse()
                                .getStatus())
                        .as(uri)
                        .isLessThan(500);
            }
            // the same pages asked for by a browser that comes back with the cookie of a session that has ended
            for (String uri : List.of("/help", "/requests", "/login", "/api/v1/help-requests")) {
                var answer = mvc.get()
                        .uri(uri)
                        .with(from())
                        .cookie(new Cookie("SESSION", "bm90LWEtc2Vzc2lvbg"))
                        .exchange();
                assertThat(answer.getResponse().getStatus())
                        .as("stale cookie " + uri)
                        .isLessThan(500);
            }
            // writes without a token or a session: refused, and nothing remembered
            for (String uri : List.of(
                    "/help",
                    "/help/code",
                    "/help/track",
                    "/volunteer/register/code",
                    "/login",
                    "/requests/new",
                    "/logout")) {
                assertThat(mvc.post()
                                .uri(uri)
                                .with(from())
                                .param("phone", "13800000000")
                                .param("username", "x")
                                .param("password", "y"))
                        .as("POST " + uri)
                        .hasStatus(HttpStatus.FORBIDDEN);
            }
            for (String uri : List.of("/api/v1/help-requests", "/api/v1/accounts/1/disable")) {
                assertThat(mvc.post()
                                .uri(uri)
                                .with(from())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"))
                        .as("POST " + uri)
                        .hasStatus(HttpStatus.UNAUTHORIZED);
            }
            assertThat(mvc.post()
                            .uri("/api/v1/public/verification-codes")
                            .with(from())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"phone\":\"123\"}"))
                    .as("a public API write with a bad phone")
                    .hasStatus(HttpStatus.BAD_REQUEST);
            // the public forms, with the token the page gave: they work
            var track = formOf("/help/track");
            assertThat(track.post("/help/track", Map.of("code", "ZZZZ9999")))
                    .hasStatus(HttpStatus.FOUND)
                    .redirectedUrl()
                    .startsWith("/help/status/");
            var register = formOf("/volunteer/register");
            assertThat(register.post("/volunteer/register/code", Map.of("phone", "12345")))
                    .hasStatusOk()
                    .bodyText()
                    .contains("手机号");
            var help = formOf("/help");
            assertThat(help.post("/help/code", Map.of("phone", "12345"))).hasStatusOk();
            var login = formOf("/login");
            assertThat(login.post("/login", Map.of("username", "nobody-" + round, "password", "Wrong-password-1")))
                    .hasStatus(HttpStatus.FOUND)
                    .hasRedirectedUrl("/login?error");
        }
        assertThat(sessionsAfter(before))
                .as("spring_session rows written by anonymous requests")
                .isZero();
    }

    @Test
    void theCsrfTokenOfAnAnonymousFormIsACookieAndIsEnforced() {
        var page = mvc.get().uri("/help/track").with(from()).exchange();
        Cookie cookie = page.getResponse().getCookie(SessionlessAnonymous.CSRF_COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        // SameSite=Strict is checked on a real server (platform.web.ContainerErrorPageTests): MockMvc drops it
        assertThat(page.getResponse().getCookie("SESSION")).isNull();
        String token = csrfField(page);
        assertThat(mvc.post()
                        .uri("/help/track")
                        .with(from())
                        .cookie(cookie)
                        .param("_csrf", token)
                        .param("code", "ZZZZ9999"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post()
                        .uri("/help/track")
                        .with(from())
                        .param("_csrf", token)
                        .param("code", "ZZZZ9999"))
                .as("the token without its cookie (a cross-site post)")
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/help/track").with(from()).cookie(cookie).param("code", "ZZZZ9999"))
                .as("the cookie without the token")
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/help/track")
                        .with(from())
                        .cookie(new Cookie(SessionlessAnonymous.CSRF_COOKIE, "made-up"))
                        .param("_csrf", token)
                        .param("code", "ZZZZ9999"))
                .as("another cookie")
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void overHttpsTheCookieIsHostBound() {
        var page = mvc.get().uri("/help/track").secure(true).with(from()).exchange();
        assertThat(page.getResponse().getCookie(SessionlessAnonymous.CSRF_COOKIE))
                .isNull();
        Cookie cookie = page.getResponse().getCookie(SessionlessAnonymous.SECURE_CSRF_COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getSecure()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getDomain()).isNull();
        String token = csrfField(page);
        assertThat(mvc.post()
                        .uri("/help/track")
                        .secure(true)
                        .with(from())
                        .cookie(cookie)
                        .param("_csrf", token)
                        .param("code", "ZZZZ9999"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post()
                        .uri("/help/track")
                        .secure(true)
                        .with(from())
                        .cookie(new Cookie(SessionlessAnonymous.CSRF_COOKIE, cookie.getValue()))
                        .param("_csrf", token)
                        .param("code", "ZZZZ9999"))
                .as("the unprefixed cookie does not count over HTTPS")
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void signingInCreatesTheSessionWithANewTokenAndReturnsToTheAskedPage() {
        String username = "anon-session-" + ThreadLocalRandom.current().nextInt(1_000_000);
        var issued = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> accounts.create(new NewAccount(
                        username,
                        "会话测试",
                        null,
                        Set.of(Role.STATION_STAFF),
                        DataScope.of(List.of(RegionCode.parse("310104003"))))));
        Set<String> before = sessionIds();

        var asked = mvc.get().uri("/regions?q=徐汇").with(from()).exchange();
        assertThat(asked.getResponse().getRedirectedUrl()).endsWith("/login");
        Cookie saved = asked.getResponse().getCookie("REDIRECT_URI");
        assertThat(saved).as("the page to return to is a cookie").isNotNull();
        var login = formOf("/login");
        login.cookies.add(saved);
        var signedIn = login.post("/login", Map.of("username", username, "password", issued.temporaryPassword()));
        assertThat(signedIn).hasStatus(HttpStatus.FOUND);
        assertThat(signedIn.getResponse().getRedirectedUrl()).endsWith("/regions?q=%E5%BE%90%E6%B1%87");
        Cookie session = signedIn.getResponse().getCookie("SESSION");
        assertThat(session).as("signing in creates the session").isNotNull();
        assertThat(sessionsAfter(before)).isEqualTo(1);
        Cookie csrfCleared = signedIn.getResponse().getCookie(SessionlessAnonymous.CSRF_COOKIE);
        assertThat(csrfCleared).as("the anonymous token is dropped at sign-in").isNotNull();
        assertThat(csrfCleared.getMaxAge()).isZero();

        // the signed-in session's token lives in the session: the old cookie token no longer counts
        var password =
                mvc.get().uri("/account/password").with(from()).cookie(session).exchange();
        assertThat(password).hasStatusOk();
        assertThat(password.getResponse().getCookie(SessionlessAnonymous.CSRF_COOKIE))
                .isNull();
        String sessionToken = csrfField(password);
        assertThat(mvc.post()
                        .uri("/account/password")
                        .with(from())
                        .cookie(session)
                        .cookie(login.csrfCookie())
                        .param("_csrf", login.token)
                        .param("current", issued.temporaryPassword())
                        .param("replacement", "Anon-2022-ok")
                        .param("confirmation", "Anon-2022-ok"))
                .as("the pre-sign-in token")
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/account/password")
                        .with(from())
                        .cookie(session)
                        .param("_csrf", sessionToken)
                        .param("current", issued.temporaryPassword())
                        .param("replacement", "Anon-2022-ok")
                        .param("confirmation", "Anon-2022-ok"))
                .hasStatus(HttpStatus.FOUND);
    }

    /** The sessions that exist now (compared by id, not by time: the previous test class's sign-ins are recent too). */
    private Set<String> sessionIds() {
        return Set.copyOf(jdbc.sql("select session_id from spring_session")
                .query(String.class)
                .list());
    }

    private long sessionsAfter(Set<String> before) {
        return sessionIds().stream().filter(id -> !before.contains(id)).count();
    }

    /** A help request submitted through the public API (no session): its tracking code. */
    private String aHelpRequest() {
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String address = address();
        helpRequests.requestCode(phone, address);
        Matcher code = Pattern.compile("验证码是(\\d{6})").matcher(OutboxTexts.lastText(jdbc, crypto, phone));
        assertThat(code.find()).isTrue();
        return helpRequests
                .submit(
                        new Intake(
                                "OTHER",
                                "家里没有菜了，老人行动不便",
                                "SELF",
                                "310104003",
                                "天平路88号",
                                phone,
                                code.group(1),
                                "NORMAL",
                                Map.of(),
                                UUID.randomUUID().toString()),
                        address,
                        Optional.empty())
                .trackingCode();
    }

    /** A page's form as a browser holds it: the token in the page and the cookies the page set. */
    private Form formOf(String uri) {
        var page = mvc.get().uri(uri).with(from()).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getCookie("SESSION")).as(uri).isNull();
        return new Form(
                csrfField(page), new ArrayList<>(List.of(page.getResponse().getCookies())));
    }

    private final class Form {
        final String token;
        final List<Cookie> cookies;

        Form(String token, List<Cookie> cookies) {
            this.token = token;
            this.cookies = cookies;
        }

        Cookie csrfCookie() {
            return cookies.stream()
                    .filter(c -> c.getName().equals(SessionlessAnonymous.CSRF_COOKIE))
                    .findFirst()
                    .orElseThrow();
        }

        MvcTestResult post(String uri, Map<String, String> params) {
            var request = mvc.post().uri(uri).with(from()).param("_csrf", token).cookie(cookies.toArray(Cookie[]::new));
            params.forEach(request::param);
            return request.exchange();
        }
    }

    private static String csrfField(MvcTestResult page) {
        String html;
        try {
            html = page.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        Matcher m = CSRF_FIELD.matcher(html);
        assertThat(m.find()).as("a _csrf field in the page").isTrue();
        return m.group(1);
    }

    private static String address() {
        return "10.66." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
    }

    private static RequestPostProcessor from() {
        String address = address();
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
