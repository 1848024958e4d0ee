package org.wushe.access;

/** A new or rotated client's bearer token: shown once, stored only as a keyed hash. */
public record IssuedApiToken(ApiClientSummary client, String token) {

    @Override
    public String toString() {
        return "IssuedApiToken[client=" + client.name() + ", token=***]"; // never in a log line
    }
}
