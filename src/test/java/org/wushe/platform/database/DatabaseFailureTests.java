package org.wushe.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheApplication;
import org.wushe.notify.OutboxTexts;
import org.wushe.privacy.CryptoService;

/**
 * Issue 13 item 8: PostgreSQL killed under a running Wushe. Health turns DOWN at once, a public write and a staff
 * page answer 503 "busy" with Retry-After and the request id within 3 s instead of hanging, nothing is half-written,
 * and once the supervisor has restarted the server, health is UP and the same write succeeds.
 *
 * <p>Its own application on its own data directory and port (the demo profile, for a staff account): the test JVM's
 * shared server (see {@link JvmSharedServers}) is left alone. While the assertions about the outage run, the test
 * holds the server's monitor, which the supervisor needs to restart it: the outage lasts as long as the test needs
 * to look, not only the second or two a restart takes; then it lets go and the recovery itself is measured.
 */
class DatabaseFailureTests {

    private static final Duration PATIENCE = Duration.ofSeconds(3);

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext app;
    static EmbeddedPostgresServer server;
    static String base;
    /** The staff member's browser (keeps the session cookie). */
    static HttpClient http;
    /** A resident's phone or a monitor: no cookies. */
    static HttpClient anonymous;

    static CookieManager cookies = new CookieManager();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(WusheApplication.class)
                .profiles("demo")
                .run(
                        "--spring.config.location=classpath:/application.yml", "--server.port=0",
                        "--spring.main.banner-mode=off", "--wushe.embedded-db.data-dir=" + dataDir,
                        "--wushe.embedded-db.shared-in-jvm=false", "--wushe.notify.dispatch-delay=PT1H",
                        "--logging.level.org.wushe=WARN", "--logging.level.org.wushe.platform=INFO");
        server = app.getBean(EmbeddedDatabaseConfiguration.EmbeddedPostgresServerHandle.class)
                .server();
        base = "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port");
        http = HttpClient.newBuilder()
                .connectTimeout(PATIENCE)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        anonymous = HttpClient.newBuilder()
                .connectTimeout(PATIENCE)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        // the first requests of a fresh JVM compile templates and code, which on a busy machine takes longer
        // than the 3 s every request gets during the outage; they are not what is measured here
        for (String path : new String[] {"/login", "/help", "/actuator/health"}) {
            warmUp(path);
        }
    }

    private static void warmUp(String path) {
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + path)).build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPublicWriteAnswers503WithRetryAfterWhilePostgresIsDownAndSucceedsOnceTheSupervisorBroughtItBack()
            throws Exception {
        awaitResponse("/actuator/health", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        assertThat(post("/api/v1/public/verification-codes", "{\"phone\":\"" + phone + "\"}")
                        .statusCode())
                .isEqualTo(202);
        String key = UUID.randomUUID().toString();
        String intake = "{\"category\":\"DIALYSIS\",\"description\":\"父亲明天上午需要透析，小区封控出不去\","
                + "\"forWhom\":\"FAMILY\",\"communityCode\":\"310104003\",\"address\":\"建国西路100弄3号502室\","
                + "\"phone\":\"" + phone + "\",\"code\":\"" + code(phone) + "\",\"urgency\":\"URGENT\","
                + "\"answers\":{\"dialysisDueWithin24h\":true},\"submissionKey\":\"" + key + "\"}";
        assertThat(health().statusCode()).isEqualTo(200);

        long killedAt;
        synchronized (server) { // the supervisor cannot restart it until this block ends
            killedAt = killPostmaster();

            var down = awaitResponse("/actuator/health", r -> r.statusCode() == 503, Duration.ofSeconds(2));
            System.out.println("kill -9 → health DOWN after " + millisSince(killedAt) + " ms: " + down.body());
            assertThat(down.body()).contains("DOWN");

            long sent = System.nanoTime();
            var refused = post("/api/v1/public/help-requests", intake);
            System.out.println(
                    "public write while down → " + refused.statusCode() + " in " + millisSince(sent) + " ms");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body())
                    .contains(
                            "\"code\":\"error.databaseUnavailable\"",
                            "系统繁忙",
                            "\"requestId\":\""
                                    + refused.headers()
                                            .firstValue("X-Request-Id")
                                            .orElseThrow() + "\"");

            var page = get("/help");
            assertThat(page.statusCode())
                    .as("a public page answers, whatever it says")
                    .isBetween(200, 503);
        }

        var up = awaitResponse("/actuator/health", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        System.out.println("kill -9 → health UP again after " + millisSince(killedAt) + " ms: " + up.body());

        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from requests_help_request where submission_key = ?::uuid")
                        .param(key)
                        .query(Long.class)
                        .single())
                .as("the refused write left nothing behind")
                .isZero();
        var accepted = post("/api/v1/public/help-requests", intake);
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(accepted.body()).containsPattern("\"trackingCode\":\"[2-9A-HJ-NP-Z]{8}\"");
    }

    @Test
    void aStaffPageShowsTheBusyPageInTheirLanguageWhilePostgresIsDownAndWorksAgainAfterwards() throws Exception {
        awaitResponse("/actuator/health", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        signIn("station", "Wushe@2022demo");
        assertThat(get("/requests").statusCode()).isEqualTo(200);

        long killedAt;
        synchronized (server) {
            killedAt = killPostmaster();
            awaitResponse("/actuator/health", r -> r.statusCode() == 503, Duration.ofSeconds(2));

            long sent = System.nanoTime();
            var busy = get("/requests");
            System.out.println("staff page while down → " + busy.statusCode() + " in " + millisSince(sent) + " ms");
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(busy.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(busy.body())
                    .doesNotContain("Service busy")
                    .contains(
                            "系统繁忙",
                            "请稍等几秒再试一次",
                            "<code>" + busy.headers().firstValue("X-Request-Id").orElseThrow() + "</code>");

            HttpCookie lang = new HttpCookie("wushe-lang", "en"); // as ?lang=en leaves it
            lang.setPath("/");
            lang.setVersion(0); // a plain cookie, as the browser sends it (version 1 would quote the value)
            cookies.getCookieStore().add(URI.create(base), lang);
            var english = get("/requests");
            cookies.getCookieStore().remove(URI.create(base), lang);
            assertThat(english.statusCode()).isEqualTo(503);
            assertThat(english.body())
                    .contains("lang=\"en\"", "Service busy", "Wait a few seconds and try again")
                    .doesNotContain("系统繁忙");
        }

        awaitResponse("/actuator/health", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        System.out.println("kill -9 → staff page back after " + millisSince(killedAt) + " ms");
        assertThat(get("/requests").statusCode())
                .as("the session, kept in PostgreSQL, survived")
                .isEqualTo(200);
    }

    /** kill -9 of the real postmaster, as named in its pid file. */
    private static long killPostmaster() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid"))
                .get(0)
                .trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        long killedAt = System.nanoTime();
        postmaster.destroyForcibly();
        postmaster.onExit().get();
        return killedAt;
    }

    private static String code(String phone) throws InterruptedException {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        CryptoService crypto = app.getBean(CryptoService.class);
        Matcher m = Pattern.compile("(\\d{6})").matcher(OutboxTexts.lastText(jdbc, crypto, phone));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static void signIn(String username, String password) throws Exception {
        var login = get("/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        var signedIn = http.send(
                request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                                + "&_csrf=" + csrf.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    /** Polls until an answer matches; every single request must itself be answered within 3 s. */
    private static HttpResponse<String> awaitResponse(
            String path, Predicate<HttpResponse<String>> wanted, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = path.equals("/actuator/health") ? health() : get(path);
            if (wanted.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " did not answer as expected within " + within + "; last: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    /** A public write, from a resident's phone. */
    private static HttpResponse<String> post(String path, String json) throws Exception {
        return send(
                anonymous,
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    /** Health, as a monitor asks it. */
    private static HttpResponse<String> health() throws Exception {
        return send(anonymous, request("/actuator/health").GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return send(http, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " gave no answer within " + PATIENCE, e);
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(PATIENCE);
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
