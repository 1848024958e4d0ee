package org.wushe.access;

/**
 * What an API client may do, granted one by one. A module guards an endpoint with
 * {@code @PreAuthorize("hasAuthority('PERM_HELP_REQUESTS_SUBMIT')")} (staff reach it through their roles instead).
 * A permission says what, never where: a write it opens must also check that the place written lies in the
 * client's scope ({@link CurrentUser#scope()}), as staff writes do. ApiClientWriteSurfaceTests lists every write a
 * client can reach and fails on a new one until it is listed with its scope test.
 */
public enum ApiPermission {
    HELP_REQUESTS_SUBMIT,
    HELP_REQUESTS_READ,
    /** Scrape {@code /actuator/prometheus} (and read {@code /actuator/info}): for a monitoring system, no data. */
    METRICS_READ;

    public String authority() {
        return "PERM_" + name();
    }
}
