package org.wushe.notify.sms.tencent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.wushe.notify.sms.ProviderHttp;

/**
 * Tencent Cloud API 3.0's signature v3 (TC3-HMAC-SHA256), as documented: a canonical request over the JSON body
 * and the headers content-type, host and x-tc-action; a string to sign with the timestamp and the credential scope
 * {@code <UTC date>/sms/tc3_request}; a signing key derived from the SecretKey by HMAC over date, service and
 * "tc3_request".
 */
final class Tc3Signer {

    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String SERVICE = "sms";
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private final String secretId;
    private final String secretKey;

    Tc3Signer(String secretId, String secretKey) {
        this.secretId = secretId;
        this.secretKey = secretKey;
    }

    /** The headers of a signed POST of {@code body} to {@code host} (Host itself is the URI's). */
    Map<String, String> headers(String host, String action, String version, String region, String body, Instant now) {
        long timestamp = now.getEpochSecond();
        String date = DateTimeFormatter.ISO_LOCAL_DATE.format(now.atZone(ZoneOffset.UTC));
        String signedHeaders = "content-type;host;x-tc-action";
        String canonicalHeaders = "content-type:" + CONTENT_TYPE + "\nhost:" + host + "\nx-tc-action:"
                + action.toLowerCase(Locale.ROOT) + "\n";
        String canonicalRequest =
                String.join("\n", "POST", "/", "", canonicalHeaders, signedHeaders, ProviderHttp.sha256Hex(body));
        String scope = date + "/" + SERVICE + "/tc3_request";
        String stringToSign =
                ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + ProviderHttp.sha256Hex(canonicalRequest);
        byte[] secretDate = ProviderHttp.hmacSha256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = ProviderHttp.hmacSha256(secretDate, SERVICE);
        byte[] secretSigning = ProviderHttp.hmacSha256(secretService, "tc3_request");
        String signature = HexFormat.of().formatHex(ProviderHttp.hmacSha256(secretSigning, stringToSign));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("X-TC-Action", action);
        headers.put("X-TC-Version", version);
        headers.put("X-TC-Region", region);
        headers.put("X-TC-Timestamp", Long.toString(timestamp));
        headers.put(
                "Authorization",
                ALGORITHM + " Credential=" + secretId + "/" + scope + ", SignedHeaders=" + signedHeaders
                        + ", Signature=" + signature);
        return headers;
    }
}
