package org.wushe.directory.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.wushe.WusheIntegrationTest;

/**
 * The public registration pages are opened on phones on slow mobile data: each page plus every stylesheet and
 * script it loads, gzip-compressed as a server would send them, must stay under {@value #BUDGET} bytes.
 */
@WusheIntegrationTest
class VolunteerPageWeightTests {

    static final int BUDGET = 150 * 1024;
    static final Pattern ASSET =
            Pattern.compile("<(?:link[^>]*rel=\"stylesheet\"[^>]*href|script[^>]*src)=\"([^\"]+)\"");

    @Autowired
    MockMvcTester mvc;

    @Test
    void thePhoneStepAndTheFormWithTheirCssAndJsStayUnderTheBudget() throws Exception {
        String phoneStep = body(mvc.get().uri("/volunteer/register").exchange());
        String form = body(mvc.post()
                .uri("/volunteer/register/code")
                .param("phone", VolunteerTestData.phone())
                .with(request -> {
                    request.setRemoteAddr(
                            "10.99.1." + ThreadLocalRandom.current().nextInt(256));
                    return request;
                })
                .with(csrf())
                .exchange());
        assertThat(form).contains("data-region-cascader", "weeklySlots");
        for (String html : List.of(phoneStep, form)) {
            Map<String, Integer> sizes = weigh(html);
            int total = sizes.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(sizes.keySet()).as("it loads the shared stylesheets").anyMatch(u -> u.contains("bootstrap"));
            assertThat(total).as("gzip bytes per resource: %s", sizes).isLessThan(BUDGET);
        }
    }

    /** The page and each asset it references, gzip-compressed; an asset that is not served fails the test. */
    private Map<String, Integer> weigh(String html) throws IOException {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("page", gzip(html.getBytes(StandardCharsets.UTF_8)));
        List<String> urls = new ArrayList<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            urls.add(m.group(1));
        }
        for (String url : urls) {
            var result = mvc.get().uri(url).exchange();
            assertThat(result).as(url).hasStatusOk();
            byte[] bytes = result.getResponse().getContentAsByteArray();
            assertThat(bytes).as(url).isNotEmpty();
            sizes.put(url, gzip(bytes));
        }
        return sizes;
    }

    private static String body(MvcTestResult result) throws IOException {
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static int gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }
}
