package org.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 item 11: an address Tomcat itself refuses (before Spring MVC sees it) gets Wushe's short bilingual page,
 * not Tomcat's report. A real server is needed (MockMvc never parses a request line); this uses the same
 * configuration as the browser tests so that the two share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerErrorPageTests {

    @LocalServerPort
    int port;

    @Test
    void aMalformedAddressGetsWushesOwnBadRequestPage() throws IOException {
        for (String path : new String[] {"/%", "/help/%zz", "/a%2fb"}) {
            String answer = get(path);
            assertThat(answer).as(path).startsWith("HTTP/1.1 400");
            assertThat(answer)
                    .as(path)
                    .contains("text/html", "请求有误", "Bad request", "网址的格式不正确", "The address is malformed", "返回首页")
                    .doesNotContain("HTTP Status", "Tomcat", "Exception");
        }
    }

    @Test
    void errorsInsideTheApplicationKeepTheirOwnPage() throws IOException {
        String answer = get("/help/status/ZZZZ9999/nothing-here");
        assertThat(answer).startsWith("HTTP/1.1 404");
        assertThat(answer).contains("请求编号").doesNotContain("HTTP Status");
    }

    /** Item 10 on a real server (MockMvc drops cookie attributes): the anonymous CSRF cookie, and no session. */
    @Test
    void anAnonymousFormGetsAStrictCsrfCookieAndNoSession() throws IOException {
        for (String path : new String[] {"/login", "/help", "/volunteer/register"}) {
            String answer = get(path);
            assertThat(answer).as(path).startsWith("HTTP/1.1 200");
            String headers = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
            assertThat(headers).as(path).contains("set-cookie: wushe-csrf=").doesNotContain("set-cookie: session=");
            assertThat(headers.lines()
                            .filter(h -> h.startsWith("set-cookie: wushe-csrf="))
                            .findFirst()
                            .orElseThrow())
                    .contains("httponly", "samesite=strict", "path=/");
        }
    }

    private String get(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
