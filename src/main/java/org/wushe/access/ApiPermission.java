package org.wushe.access;

/**
 * What an API client may do, granted one by one. A module guards an endpoint with
 * {@code @PreAuthorize("hasAuthority('PERM_HELP_REQUESTS_SUBMIT')")} (staff reach it through their roles instead).
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
