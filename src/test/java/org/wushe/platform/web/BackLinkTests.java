package org.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The error page's way back: a page of this site the person came from, never another site, never itself. */
class BackLinkTests {

    private static MockHttpServletRequest failing(String uri, String query, String referer) {
        var request = new MockHttpServletRequest("GET", uri);
        request.setServerName("wushe.example");
        request.setQueryString(query);
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        return request;
    }

    @Test
    void leadsToThePageOfThisSiteWithItsFilters() {
        assertThat(BackLink.of(failing("/residents/9", null, "https://wushe.example/residents?region=310101&page=2")))
                .isEqualTo("/residents?region=310101&page=2");
        assertThat(BackLink.of(failing("/residents/9", null, "/residents"))).isEqualTo("/residents");
    }

    @Test
    void neverLeadsToAnotherSiteOrSomethingThatIsNoPath() {
        for (String referer : new String[] {
            "https://evil.example/residents",
            "https://wushe.example//evil.example/x",
            "//evil.example/x",
            "javascript:alert(1)",
            "https://wushe.example/a\r\nSet-Cookie: x=1",
            "/\\evil.example",
            " ",
            "/" + "a".repeat(2001)
        }) {
            assertThat(BackLink.of(failing("/residents/9", null, referer)))
                    .as(referer)
                    .isNull();
        }
        assertThat(BackLink.of(failing("/residents/9", null, null))).isNull();
    }

    @Test
    void neverLeadsBackToTheFailingAddressItselfAlsoOnBootsErrorPage() {
        assertThat(BackLink.of(failing("/audit", "actor=x", "https://wushe.example/audit?actor=x")))
                .isNull();

        // Boot renders unexpected errors on an error dispatch to /error; the failing address is the original one
        var dispatched = failing("/error", null, "https://wushe.example/audit?actor=x");
        dispatched.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/audit");
        dispatched.setAttribute("jakarta.servlet.error.query_string", "actor=x");
        assertThat(BackLink.of(dispatched)).isNull();
        dispatched.setAttribute("jakarta.servlet.error.query_string", "actor=y");
        assertThat(BackLink.of(dispatched)).isEqualTo("/audit?actor=x");
    }
}
