package org.wushe.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where an error page's "back" button leads: the page the person came from (the list with its filters), taken
 * from the Referer when it is a page of this same site and not the failing address itself; otherwise none, and
 * the page offers the home page only.
 */
final class BackLink {

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
            String failing = request.getQueryString() == null
                    ? request.getRequestURI()
                    : request.getRequestURI() + "?" + request.getQueryString();
            return back.equals(failing) ? null : back;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
