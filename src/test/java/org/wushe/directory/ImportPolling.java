package org.wushe.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.wushe.access.Staff;

/** Uploads through the import page (no htmx: a redirect to the job's page) and polls the job as htmx does. */
public final class ImportPolling {

    private ImportPolling() {}

    /** The job's URL after a plain form upload. */
    public static String upload(MockMvcTester mvc, Staff staff, String kind, String filename, byte[] content) {
        MvcTestResult result = mvc.post()
                .uri("/" + kind + "/import")
                .multipart()
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .with(staff.request())
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/" + kind + "/import/jobs/");
        return location;
    }

    public static String upload(MockMvcTester mvc, Staff staff, String kind, String filename, String csv) {
        return upload(mvc, staff, kind, filename, csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The final status fragment. */
    public static String done(MockMvcTester mvc, Staff staff, String jobUrl) throws Exception {
        List<String> seen = poll(mvc, staff, jobUrl);
        return seen.get(seen.size() - 1);
    }

    /**
     * Polls the status fragment (as the page does every second) until the job is no longer running; returns every
     * fragment seen, the last one final.
     */
    public static List<String> poll(MockMvcTester mvc, Staff staff, String jobUrl) throws Exception {
        List<String> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            String body = mvc.get()
                    .uri(jobUrl)
                    .header("HX-Request", "true")
                    .with(staff.request())
                    .exchange()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            seen.add(body);
            if (!body.contains("hx-get")) {
                return seen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish: " + seen.get(seen.size() - 1));
    }
}
