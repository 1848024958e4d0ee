package org.wushe.notify.sms.aliyun;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.wushe.notify.sms.ProviderHttp;

/**
 * Alibaba Cloud's V3 request signature (ACS3-HMAC-SHA256), as its "V3 request body & signature" page documents it:
 * the canonical request (method, path, sorted RFC 3986-encoded query, the signed headers, the body's SHA-256) is
 * hashed, and the hash HMAC-signed with the AccessKey secret. RPC-style APIs such as dysmsapi take their
 * parameters in the query string, so the body is empty.
 */
final class AcsSigner {

    static final String ALGORITHM = "ACS3-HMAC-SHA256";

    private final String accessKeyId;
    private final byte[] secret;

    AcsSigner(String accessKeyId, String accessKeySecret) {
        this.accessKeyId = accessKeyId;
        this.secret = accessKeySecret.getBytes(StandardCharsets.UTF_8);
    }

    /** A signed request: the URI with its query, and the headers to send (Host is the URI's own). */
    record Signed(URI uri, Map<String, String> headers) {}

    Signed sign(String endpoint, String action, String version, SortedMap<String, String> query, Instant now) {
        String canonicalQuery = query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(endpoint + "/?" + canonicalQuery);
        SortedMap<String, String> signed = new TreeMap<>();
        signed.put("host", uri.getRawAuthority());
        signed.put("x-acs-action", action);
        signed.put("x-acs-version", version);
        signed.put("x-acs-date", now.truncatedTo(ChronoUnit.SECONDS).toString());
        signed.put("x-acs-signature-nonce", UUID.randomUUID().toString());
        signed.put("x-acs-content-sha256", ProviderHttp.sha256Hex(""));
        String canonicalHeaders = signed.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().strip() + "\n")
                .collect(Collectors.joining());
        String signedHeaders = String.join(";", signed.keySet());
        String canonicalRequest = String.join(
                "\n", "POST", "/", canonicalQuery, canonicalHeaders, signedHeaders, signed.get("x-acs-content-sha256"));
        String stringToSign = ALGORITHM + "\n" + ProviderHttp.sha256Hex(canonicalRequest);
        String signature = HexFormat.of().formatHex(ProviderHttp.hmacSha256(secret, stringToSign));
        Map<String, String> headers = new LinkedHashMap<>(signed);
        headers.remove("host"); // java.net.http sets Host from the URI and refuses it as a header
        headers.put(
                "Authorization",
                ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders + ",Signature="
                        + signature);
        return new Signed(uri, headers);
    }

    /** RFC 3986: URLEncoder's form encoding with space, '*' and '~' put right. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
