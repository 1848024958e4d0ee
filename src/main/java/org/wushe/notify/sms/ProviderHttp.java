package org.wushe.notify.sms;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.wushe.notify.MessageSender.SendFailure;
import org.wushe.notify.MessageSender.SendFailure.Kind;

/**
 * The HTTPS leg both adapters share: one {@link HttpClient}, time-outs, and the mapping of what went wrong on the
 * wire to what the dispatcher may do. A refused or timed-out connection never reached the provider (TRANSIENT);
 * a request that left but got no answer may have been sent (UNCERTAIN), so it is not blindly repeated.
 */
public final class ProviderHttp {

    private final String provider;
    private final HttpClient client;
    private final Duration readTimeout;

    public ProviderHttp(String provider, Duration connectTimeout, Duration readTimeout) {
        this.provider = provider;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = readTimeout;
    }

    /** The answer's status and body; a 5xx or 429 without a provider error in it is TRANSIENT. */
    public record Answer(int status, String body) {}

    public Answer post(URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new SendFailure(
                    provider, "CONNECT", Kind.TRANSIENT, e.getClass().getSimpleName());
        } catch (HttpTimeoutException e) {
            throw new SendFailure(provider, "TIMEOUT", Kind.UNCERTAIN, "no answer within " + readTimeout);
        } catch (IOException e) {
            throw new SendFailure(provider, "IO", Kind.UNCERTAIN, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure(provider, "INTERRUPTED", Kind.UNCERTAIN, null);
        }
    }

    /** A failure for an HTTP status that carried no provider error code. */
    public SendFailure statusFailure(int status) {
        Kind kind = status == 429 || status >= 500 ? Kind.TRANSIENT : Kind.PERMANENT;
        return new SendFailure(provider, "HTTP_" + status, kind, null);
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] hmacSha256(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
