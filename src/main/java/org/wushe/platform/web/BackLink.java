package org.wushe.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where an error page's "back" button leads: the page the person came from (the list with its filters), taken
 * from the Referer when it is a page of this same site and not the failing address itself; otherwise none, and
 * the page offers the home page only.
 */
final class BackLink {

    /** {@code RequestDispatcher.ERROR_QUERY_STRING} of Servlet 6.1 (set by Tomcat 11). */
    private static final String ERROR_QUERY_STRING = "jakarta.servlet.error.query_string";

    private BackLink() {}

    static String of(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null || referer.isBlank() || referer.length() > 2000) {
            return null;
        }
        try {
            URI from = new URI(referer);
            if (from.getHost() != null && !from.getHost().equalsIgnoreCase(request.getServerName())) {
                return null; // never send anyone to another site from our error page
            }
            String path = from.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            String back = from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
            return back.equals(failing(request)) ? null : back;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The address that failed: on Boot's error page (an error dispatch to {@code /error}) the one the container
     * records, not {@code /error} itself.
     */
    private static String failing(HttpServletRequest request) {
        boolean dispatched = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String;
        String uri = dispatched
                ? (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
                : request.getRequestURI();
        Object query = dispatched ? request.getAttribute(ERROR_QUERY_STRING) : request.getQueryString();
        return query == null ? uri : uri + "?" + query;
    }
}
