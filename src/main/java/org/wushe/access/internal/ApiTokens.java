package org.wushe.access.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.ApiClientSummary;
import org.wushe.access.ApiPermission;
import org.wushe.access.StaffPrincipal;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.RegionCode;

/**
 * Bearer tokens of API clients: {@code wsk_<id>_<secret>}, 12 random characters that find the row and 256
 * random bits of secret. Only HMAC-SM3 of the whole token is stored, under the blind-index key that lives outside
 * the database. A slow password hash is not needed here: it protects low-entropy secrets people choose, while a
 * 256-bit random secret cannot be guessed however fast the hash; a fast keyed hash keeps every API call cheap,
 * and without the key a stolen table does not even allow checking a guess.
 */
@Component
public class ApiTokens {

    public static final String ROLE = "ROLE_API_CLIENT";
    static final String PREFIX = "wsk_";
    private static final Pattern FORMAT = Pattern.compile("wsk_([a-z2-7]{12})_[A-Za-z0-9_-]{43}");
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClientStore store;
    private final CryptoService crypto;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(ApiClientStore store, CryptoService crypto, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.crypto = crypto;
        this.events = events;
        this.clock = clock;
    }

    /** A fresh token: its id (stored, public) and the whole token (shown once). */
    public NewToken generate() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String tokenId = new String(id);
        String token =
                PREFIX + tokenId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewToken(tokenId, token, hash(token));
    }

    private byte[] hash(String token) {
        return crypto.blindIndex("api_token", token);
    }

    /**
     * The authentication a bearer token stands for, or empty — unknown, revoked or malformed alike (the caller
     * answers 401 and says no more); each failure is an Activity for the audit trail.
     */
    @Transactional
    public Optional<Authentication> authenticate(String token, String clientAddress) {
        var format = FORMAT.matcher(token == null ? "" : token);
        if (!format.matches()) {
            return failed(null, "malformed", clientAddress);
        }
        Optional<ApiClientStore.Stored> stored = store.byTokenId(format.group(1));
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().tokenHash(), hash(token))) {
            return failed(stored.map(ApiClientStore.Stored::client).orElse(null), "unknown", clientAddress);
        }
        ApiClientSummary client = stored.get().client();
        if (!client.active()) {
            return failed(client, "revoked", clientAddress);
        }
        store.touch(client.id(), clock.instant());
        return Optional.of(authentication(client));
    }

    static Authentication authentication(ApiClientSummary client) {
        // accountId 0: an API client is no staff account (it has no inbox, no password, no roles to manage)
        StaffPrincipal principal = new StaffPrincipal(0, client.username(), client.name(), Set.of(), client.scope());
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(ROLE));
        client.permissions().stream()
                .map(ApiPermission::authority)
                .sorted()
                .forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    private Optional<Authentication> failed(ApiClientSummary client, String reason, String clientAddress) {
        Instant now = clock.instant();
        events.publishEvent(new Activity(
                now,
                client == null ? "anonymous" : client.username(),
                AuditAction.LOGIN_FAILED,
                "api_client",
                client == null ? null : String.valueOf(client.id()),
                client == null ? null : homeRegion(client),
                clientAddress,
                reason,
                List.of("token")));
        return Optional.empty();
    }

    /** The region an audit row about this client belongs to (its first; none for a whole-country client). */
    public static RegionCode homeRegion(ApiClientSummary client) {
        return client.scope().wholeCountry()
                ? null
                : client.scope().regions().stream().sorted().findFirst().orElse(null);
    }

    public record NewToken(String tokenId, String token, byte[] hash) {
        @Override
        public String toString() {
            return "NewToken[" + tokenId + "]";
        }
    }
}
