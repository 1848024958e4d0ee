package org.wushe.platform.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.wushe.Browser;

/**
 * The two short answers a resident meets on a phone (390×844 in Chromium) when something outside the application's
 * pages goes wrong: the 503 "busy" page of {@link ShedAnswer} (the database cannot be reached) and Tomcat's own 400
 * for a malformed address ({@link ContainerErrorPage}). Each must be styled by the site's stylesheets, readable
 * without scrolling sideways, and say what happened in words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    ShedAnswer answer;

    @Test
    void theBusyPageFitsAPhoneAndIsStyled() throws IOException {
        // the page exactly as the application writes it when the database is down (which cannot be arranged here
        // without stopping the test JVM's one database); its stylesheets come from the running server
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/help");
        request.setAttribute(RequestIdFilter.ATTRIBUTE, "r-phone-503");
        MockHttpServletResponse busy = new MockHttpServletResponse();
        answer.writeUnavailable(request, busy);
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.phonePage(context);
            page.route(
                    "**/help",
                    route -> route.fulfill(new Route.FulfillOptions()
                            .setStatus(busy.getStatus())
                            .setContentType(busy.getContentType())
                            .setBodyBytes(busy.getContentAsByteArray())));
            Response response = page.navigate("/help");
            assertThat(response.status()).isEqualTo(503);
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("系统繁忙");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("请稍等几秒再试一次");
            assertThat(page.locator("code")).hasText("r-phone-503");
            assertFitsAndIsStyled(page);
        }
    }

    @Test
    void theBadAddressPageFitsAPhoneAndIsStyled() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.phonePage(context);
            Response response = page.navigate("/help/%zz");
            assertThat(response.status()).isEqualTo(400);
            assertThat(page.locator("h1")).hasText("请求有误");
            assertThat(page.locator("main")).containsText("网址的格式不正确");
            assertThat(page.locator("body")).not().containsText("Tomcat");
            assertThat(page.getByRole(AriaRole.LINK)).hasText("返回首页 · Back to home");
            assertFitsAndIsStyled(page);
        }
    }

    /** Bootstrap's spacing applied (py-5: 3rem) and nothing wider than the screen. */
    private static void assertFitsAndIsStyled(Page page) {
        assertThat(page.evaluate("getComputedStyle(document.querySelector('main')).paddingTop"))
                .isEqualTo("48px");
        assertThat(page.evaluate("getComputedStyle(document.body).fontFamily").toString())
                .as("the site's font, not the browser's default")
                .doesNotStartWith("\"Times");
        assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling")
                .isLessThanOrEqualTo(390);
    }
}
