package org.wushe.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.notify.MessageKind;
import org.wushe.notify.Notifications;
import org.wushe.notify.sms.OutboxDispatcher;
import org.wushe.notify.sms.SmsProperties;
import org.wushe.notify.sms.SmsTestSettings;
import org.wushe.notify.sms.aliyun.AliyunSms;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.PhoneNumber;

/**
 * The dispatcher's sustained rate against a provider stub that answers every SendSms in 50 ms (a JDK HttpServer
 * speaking Aliyun's answer), with the application's configured concurrency and rate limit; baseline: the same
 * number of plain POSTs to the same stub from the same number of threads (the ceiling the stub allows). The rows
 * are queued due a day ahead and dispatched with a clock a day ahead, so the application's own scheduled
 * dispatcher (the log sender) never takes them.
 */
final class SmsDispatchScenario {

    static final Duration STUB_LATENCY = Duration.ofMillis(50);

    private final ApplicationContext context;
    private final int messages;

    SmsDispatchScenario(ApplicationContext context, int messages) {
        this.context = context;
        this.messages = messages;
    }

    List<Measurement> run() throws Exception {
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        AtomicLong served = new AtomicLong();
        stub.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                Thread.sleep(STUB_LATENCY.toMillis());
                byte[] body = ("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"" + served.incrementAndGet() + "^0\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecutorService stubThreads = Executors.newFixedThreadPool(256);
        stub.setExecutor(stubThreads);
        stub.start();
        try {
            String url = "http://127.0.0.1:" + stub.getAddress().getPort();
            SmsProperties configured = context.getBean(SmsProperties.class);
            Measurement raw = raw(url, configured.concurrency());
            Measurement dispatched = dispatch(url, configured);
            double ratio = dispatched.throughput() / raw.throughput();
            return List.of(
                    raw,
                    dispatched
                            .against(raw.name(), ratio, "≥ 0.8 × raw", ratio >= 0.8)
                            .with("concurrency", configured.concurrency())
                            .with("ratePerSecondCap", configured.ratePerSecond())
                            .with("stubLatencyMs", STUB_LATENCY.toMillis()));
        } finally {
            stub.stop(0);
            stubThreads.shutdownNow();
        }
    }

    /** {@code messages} plain POSTs from {@code threads} threads: what the stub allows at that concurrency. */
    private Measurement raw(String url, int threads) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong left = new AtomicLong(messages);
        long began = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            runs.add(pool.submit(() -> {
                while (left.decrementAndGet() >= 0) {
                    client.send(
                            HttpRequest.newBuilder(URI.create(url + "/"))
                                    .POST(HttpRequest.BodyPublishers.ofString(""))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        return Measurement.baseline(
                "sms-stub-raw",
                messages + " POSTs, " + threads + " threads",
                messages,
                seconds,
                "requests/s",
                Measurement.Percentiles.NONE,
                0,
                "plain POSTs to the 50 ms stub, no signing, no database");
    }

    private Measurement dispatch(String url, SmsProperties configured) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        Notifications notifications = context.getBean(Notifications.class);
        CryptoService crypto = context.getBean(CryptoService.class);
        SmsProperties settings = SmsTestSettings.stubbed(
                url,
                Map.of(
                        "wushe.sms.provider", "aliyun",
                        "wushe.sms.concurrency", Integer.toString(configured.concurrency()),
                        "wushe.sms.rate-per-second", Double.toString(configured.ratePerSecond()),
                        "wushe.sms.per-phone-per-hour", "1000",
                        "wushe.sms.per-phone-per-day", "1000"));
        List<Notifications.Sms> batch = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            batch.add(new Notifications.Sms(
                    PhoneNumber.parse("139" + String.format("%08d", i)), List.of(String.format("B%07d", i))));
        }
        Long first = jdbc.sql("select coalesce(max(id), 0) from notify_message")
                .query(Long.class)
                .single();
        transactions.executeWithoutResult(s -> notifications.sendBatch(MessageKind.REQUEST_SUBMITTED, batch));
        jdbc.sql(
                        "update notify_message set next_attempt_at = now() + interval '1 day' where id > ? and status = 'PENDING'")
                .param(first)
                .update();
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(1).plusMinutes(1));
        OutboxDispatcher dispatcher =
                new OutboxDispatcher(jdbc, transactions, crypto, new AliyunSms(settings, ahead), ahead, settings);
        long began = System.nanoTime();
        while (dispatcher.dispatchBatch() > 0) {
            // until the queued rows are gone
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long sent = jdbc.sql("select count(*) from notify_message where id > ? and status = 'SENT'")
                .param(first)
                .query(Long.class)
                .single();
        jdbc.sql("delete from notify_message where id > ?").param(first).update();
        return new Measurement(
                "sms-dispatch",
                "scenario",
                messages + " messages, concurrency " + configured.concurrency(),
                sent,
                seconds,
                sent / seconds,
                "messages/s",
                Measurement.Percentiles.NONE,
                messages - sent,
                null,
                null,
                null,
                null,
                "claim, decrypt, per-phone count, sign, POST to the 50 ms stub, record",
                new java.util.LinkedHashMap<>());
    }
}
