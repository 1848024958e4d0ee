package org.wushe.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.wushe.WusheApplication;

/**
 * The crash test of issue 13 ("a reliability suite that stays"): the packaged configuration (durable) in a JVM of its
 * own, an intake burst of residents' green-channel requests over HTTP, {@code kill -9} of the PostgreSQL postmaster
 * during the burst (the supervisor restarts it), the burst goes on, then {@code kill -9} of the application's JVM, a
 * restart on the same data directory, and then every request the clients saw acknowledged (2xx with a tracking code)
 * must be there, with no tracking code given twice.
 *
 * <p>About three minutes on two cores (two application starts), so it is not part of {@code ./mvnw verify}:
 * {@code ./mvnw -B -Pcrash test}. It prints what it measured (time from the kill to health DOWN and UP again, how the
 * requests during the outage were answered).
 */
@Tag("crash")
class IntakeCrashTests {

    private static final int PHONES = 40;
    private static final int SUBMITS_PER_PHONE = 6; // the product allows 10 an hour per phone
    private static final int CLIENTS = 8;
    private static final Duration PATIENCE = Duration.ofSeconds(3);
    private static final Pattern TRACKING_CODE = Pattern.compile("\"trackingCode\":\"([2-9A-HJ-NP-Z]{8})\"");
    private static final Pattern SMS_CODE = Pattern.compile("(\\d{6})");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(PATIENCE).build();
    private Path dataDir;
    private Path smsFile;
    private int port;
    private Process app;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyAcknowledgedRequestSurvivesKill9OfPostgresAndThenOfTheJvm() throws Exception {
        Path root = Path.of(
                        "target",
                        "crash-test",
                        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now()))
                .toAbsolutePath();
        dataDir = root.resolve("data");
        smsFile = root.resolve("sms.txt");
        Files.createDirectories(root);
        port = freePort();

        app = startApplication(root.resolve("app-1.log"));
        List<String[]> phones = verifiedPhones();

        Burst burst = new Burst(phones);
        Health health = new Health();
        burst.start();
        health.start();

        burst.awaitAcknowledged(PHONES * SUBMITS_PER_PHONE / 4);
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid"))
                .get(0)
                .trim());
        long killedAt = System.nanoTime();
        health.watchFrom(killedAt);
        burst.markOutageFrom(killedAt);
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly(); // kill -9 of the postmaster

        assertThat(health.awaitUp(Duration.ofSeconds(90)))
                .as("health UP again after the postmaster was killed")
                .isTrue();
        burst.markOutageUntil(System.nanoTime());
        int acknowledgedAtRecovery = burst.acknowledged.size();
        burst.awaitAcknowledged(
                Math.min(acknowledgedAtRecovery + PHONES * SUBMITS_PER_PHONE / 4, PHONES * SUBMITS_PER_PHONE * 9 / 10));

        app.destroyForcibly(); // kill -9 of the JVM, the burst still running
        app.waitFor(30, TimeUnit.SECONDS);
        burst.stop();
        health.stop();

        app = startApplication(root.resolve("app-2.log"));

        // every acknowledged request is there, under the code the client was given
        Map<String, String> acknowledged = new HashMap<>(burst.acknowledged);
        int lookups = 0;
        List<String> missing = new ArrayList<>();
        for (var entry : acknowledged.entrySet()) {
            var status = send(HttpRequest.newBuilder(uri("/api/v1/public/help-requests/" + entry.getValue()))
                    .header("X-Forwarded-For", address(21, lookups++ / 50))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build());
            if (status.statusCode() != 200) {
                missing.add(entry.getKey() + " → " + entry.getValue() + ": " + status.statusCode());
            }
        }
        Set<String> codes = new HashSet<>(acknowledged.values());

        System.out.printf(
                """
                crash test: %d requests acknowledged (%d of them after the postmaster was killed), %d submissions \
                unanswered when the JVM was killed
                kill -9 postmaster → health DOWN after %d ms, UP again after %d ms (application log: %s)
                answers while PostgreSQL was down or recovering: %s; slowest %d ms; %d took longer than 3 s
                all answers: %s
                """,
                acknowledged.size(),
                burst.acknowledgedAfterKill.get(),
                burst.unanswered.get(),
                health.downAfterMillis(),
                health.upAfterMillis(),
                root.resolve("app-1.log"),
                burst.outageStatuses,
                burst.slowestOutageMillis.get(),
                burst.outageOver3s.get(),
                burst.statuses);

        assertThat(missing)
                .as("acknowledged requests missing after the restart")
                .isEmpty();
        assertThat(codes).as("no tracking code given to two submissions").hasSize(acknowledged.size());
        assertThat(burst.conflictingCodes)
                .as("a submission key acknowledged twice got the same code")
                .isEmpty();
        assertThat(acknowledged.size()).isGreaterThan(PHONES * SUBMITS_PER_PHONE / 2);
        assertThat(burst.acknowledgedAfterKill.get())
                .as("the burst went on after the database came back")
                .isPositive();
        assertThat(health.downAfterMillis())
                .as("health DOWN within 3 s of the kill")
                .isBetween(0L, 3_000L);
        assertThat(burst.outageOver3s.get())
                .as("no request hung longer than 3 s while the database was down")
                .isZero();
    }

    /** Requests a verification code for each phone (spread over client addresses) and reads it from the SMS file. */
    private List<String[]> verifiedPhones() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int k = 0; k < PHONES; k++) {
            String phone = "1370" + String.format("%07d", 3_000_000 + k);
            numbers.add(phone);
            var answer =
                    post("/api/v1/public/verification-codes", "{\"phone\":\"" + phone + "\"}", address(20, k / 20));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, String> codeOf = new HashMap<>();
        while (codeOf.size() < PHONES && System.nanoTime() < deadline) {
            Thread.sleep(200);
            if (Files.exists(smsFile)) {
                for (String line : Files.readAllLines(smsFile, StandardCharsets.UTF_8)) {
                    String[] parts = line.split("\t", 2);
                    Matcher m = SMS_CODE.matcher(parts[1]);
                    if (m.find()) {
                        codeOf.put(parts[0], m.group(1));
                    }
                }
            }
        }
        assertThat(codeOf).as("a code reached every phone").hasSize(PHONES);
        return numbers.stream().map(n -> new String[] {n, codeOf.get(n)}).toList();
    }

    /** CLIENTS residents' phones submitting one request after another; a 503 or 429 is sent again, same key. */
    private final class Burst {
        final List<String[]> phones;
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final Queue<String> conflictingCodes = new ConcurrentLinkedQueue<>();
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final Map<Integer, AtomicInteger> outageStatuses = new ConcurrentHashMap<>();
        final AtomicInteger acknowledgedAfterKill = new AtomicInteger();
        final AtomicInteger unanswered = new AtomicInteger();
        final AtomicInteger outageOver3s = new AtomicInteger();
        final AtomicLong slowestOutageMillis = new AtomicLong();
        final AtomicInteger next = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        volatile long outageFrom = Long.MAX_VALUE;
        volatile long outageUntil = Long.MAX_VALUE;
        final List<Thread> threads = new ArrayList<>();

        Burst(List<String[]> phones) {
            this.phones = phones;
        }

        void start() {
            for (int t = 0; t < CLIENTS; t++) {
                Thread thread = new Thread(this::client, "crash-client-" + t);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }

        void markOutageFrom(long nanos) {
            outageFrom = nanos;
        }

        void markOutageUntil(long nanos) {
            outageUntil = nanos;
        }

        void client() {
            int i;
            while (running.get() && (i = next.getAndIncrement()) < PHONES * SUBMITS_PER_PHONE) {
                String[] phone = phones.get(i % PHONES);
                String key = UUID.nameUUIDFromBytes(("crash-" + dataDir + "-" + i).getBytes(StandardCharsets.UTF_8))
                        .toString();
                String json = "{\"category\":\"FOOD_SUPPLIES\",\"description\":\"独居老人家中缺少米面油和蔬菜\","
                        + "\"forWhom\":\"SELF\",\"communityCode\":\"310104003\",\"address\":\"建国西路" + (i + 1)
                        + "弄1号101室\",\"phone\":\"" + phone[0] + "\",\"code\":\"" + phone[1] + "\","
                        + "\"urgency\":\"NORMAL\",\"answers\":{},\"submissionKey\":\"" + key + "\"}";
                for (int attempt = 1; running.get() && attempt <= 20; attempt++) {
                    long sent = System.nanoTime();
                    HttpResponse<String> answer;
                    try {
                        answer =
                                post("/api/v1/public/help-requests", json, address(18, i / 50), Duration.ofSeconds(20));
                    } catch (IOException e) {
                        // the JVM was killed under it: no answer, so not acknowledged
                        unanswered.incrementAndGet();
                        return;
                    } catch (InterruptedException e) {
                        return;
                    }
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                    statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger())
                            .incrementAndGet();
                    boolean duringOutage = sent >= outageFrom && sent <= outageUntil;
                    if (duringOutage) {
                        outageStatuses
                                .computeIfAbsent(answer.statusCode(), s -> new AtomicInteger())
                                .incrementAndGet();
                        slowestOutageMillis.accumulateAndGet(millis, Math::max);
                        if (millis > PATIENCE.toMillis()) {
                            outageOver3s.incrementAndGet();
                        }
                    }
                    if (answer.statusCode() / 100 == 2) {
                        Matcher m = TRACKING_CODE.matcher(answer.body());
                        if (m.find()) {
                            String earlier = acknowledged.putIfAbsent(key, m.group(1));
                            if (earlier != null && !earlier.equals(m.group(1))) {
                                conflictingCodes.add(key + ": " + earlier + " and " + m.group(1));
                            }
                            if (sent >= outageFrom) {
                                acknowledgedAfterKill.incrementAndGet();
                            }
                        }
                        break;
                    }
                    if (answer.statusCode() != 503 && answer.statusCode() != 429) {
                        break; // refused for good (counted in statuses)
                    }
                    sleep(1000L
                            * Long.parseLong(
                                    answer.headers().firstValue("Retry-After").orElse("1")));
                }
            }
        }

        void awaitAcknowledged(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged.size() < count
                    && System.nanoTime() < deadline
                    && threads.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(10);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
        }
    }

    /** Polls /actuator/health every 50 ms: when it first says DOWN after the kill, and when UP again after that. */
    private final class Health {
        final AtomicBoolean running = new AtomicBoolean(true);
        volatile long from = Long.MAX_VALUE;
        volatile long down = -1;
        volatile long up = -1;
        Thread thread;

        void start() {
            thread = new Thread(
                    () -> {
                        while (running.get()) {
                            long asked = System.nanoTime();
                            int status;
                            try {
                                status = send(HttpRequest.newBuilder(uri("/actuator/health"))
                                                .timeout(PATIENCE)
                                                .GET()
                                                .build())
                                        .statusCode();
                            } catch (Exception e) {
                                status = -1; // no answer within 3 s counts as not UP
                            }
                            if (asked >= from) {
                                if (down < 0 && status != 200) {
                                    down = System.nanoTime();
                                } else if (down >= 0 && up < 0 && status == 200) {
                                    up = System.nanoTime();
                                }
                            }
                            sleep(50);
                        }
                    },
                    "crash-health");
            thread.setDaemon(true);
            thread.start();
        }

        void watchFrom(long nanos) {
            from = nanos;
        }

        boolean awaitUp(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (up < 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return up >= 0;
        }

        long downAfterMillis() {
            return down < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(down - from);
        }

        long upAfterMillis() {
            return up < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(up - from);
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }

    /** The application as deployed (only its own application.yml: durable), in a JVM of its own. */
    private Process startApplication(Path log) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(),
                        "-Xmx768m",
                        "-XX:TieredStopAtLevel=1",
                        "-Duser.timezone=UTC",
                        "-Dfile.encoding=UTF-8",
                        "-cp",
                        System.getProperty("java.class.path"),
                        WusheApplication.class.getName(),
                        "--spring.config.location=classpath:/application.yml",
                        "--server.port=" + port,
                        "--spring.main.banner-mode=off",
                        "--server.forward-headers-strategy=native",
                        "--wushe.embedded-db.data-dir=" + dataDir,
                        "--wushe.notify.dispatch-delay=PT0.2S",
                        "--wushe.crash-test.sms-file=" + smsFile))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited (" + process.exitValue() + "); see " + log);
            }
            try {
                if (send(HttpRequest.newBuilder(uri("/actuator/health"))
                                        .timeout(PATIENCE)
                                        .GET()
                                        .build())
                                .statusCode()
                        == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The application did not start within 240 s; see " + log);
    }

    private HttpResponse<String> post(String path, String json, String clientAddress) throws Exception {
        return post(path, json, clientAddress, Duration.ofSeconds(20));
    }

    private HttpResponse<String> post(String path, String json, String clientAddress, Duration timeout)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Synthetic client addresses of the benchmarking range, so that the per-address limits are not what is tested. */
    private static String address(int secondOctet, int n) {
        return "198." + secondOctet + "." + (n / 250 % 256) + "." + (n % 250 + 1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
