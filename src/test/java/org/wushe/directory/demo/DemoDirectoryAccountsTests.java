package org.wushe.directory.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;

/**
 * The demo accounts of the README at work in the demo city's directory: every account exports the social workers
 * of its scope (issue 15 item 15: civil, huangpu and agency got a 500), and the {@code volunteer} account is the
 * account of an approved demo volunteer (item 14).
 */
@WusheIntegrationTest
@ActiveProfiles("demo")
class DemoDirectoryAccountsTests {

    static final List<String> DIRECTORY_READERS = List.of(
            "civil",
            "huangpu",
            "xuhui",
            "association",
            "agency",
            "station",
            "community",
            "worker",
            "charity",
            "auditor");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    Cookie signIn(String username) {
        var signedIn = mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", "Wushe@2022demo")
                .with(csrf())
                .exchange();
        assertThat(signedIn.getResponse().getRedirectedUrl()).as(username).isEqualTo("/");
        return signedIn.getResponse().getCookie("SESSION");
    }

    @Test
    void everyDemoAccountExportsTheSocialWorkersOfItsScope() throws Exception {
        for (String username : DIRECTORY_READERS) {
            Cookie session = signIn(username);
            long listed = listedTotal(session);
            for (String uri : List.of("/social-workers/export", "/api/v1/social-workers/export")) {
                var result = mvc.get().uri(uri).cookie(session).exchange();
                assertThat(result).as(username + " " + uri).hasStatusOk();
                byte[] xlsx = result.getResponse().getContentAsByteArray();
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                    var sheet = workbook.getSheetAt(0);
                    assertThat(sheet.getLastRowNum())
                            .as(username + " " + uri + ": rows after the header")
                            .isEqualTo((int) listed);
                    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                        // the region column shows the name, not the bare code
                        String region = sheet.getRow(r).getCell(11).getStringCellValue();
                        assertThat(region).as(username).doesNotMatch("\\d+").containsPattern("\\p{IsHan}");
                    }
                }
            }
        }
        assertThat(mvc.get().uri("/social-workers/export").cookie(signIn("volunteer")))
                .hasStatus(403);
    }

    private long listedTotal(Cookie session) throws Exception {
        var list =
                mvc.get().uri("/api/v1/social-workers?size=10").cookie(session).exchange();
        assertThat(list).hasStatusOk();
        String json = list.getResponse().getContentAsString();
        var matcher = Pattern.compile("\"total\":(\\d+)").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void theDemoVolunteerAccountIsAnApprovedDemoVolunteer() throws Exception {
        Cookie session = signIn("volunteer");
        var page = mvc.get().uri("/volunteer/me").cookie(session).exchange();
        assertThat(page).hasStatusOk();
        String passport = jdbc.sql("select v.passport_no from directory_volunteer v join access_account a"
                        + " on a.id = v.account_id where a.username = 'volunteer' and v.status = 'APPROVED'")
                .query(String.class)
                .single();
        assertThat(page.getResponse().getContentAsString()).contains(passport);
        assertThat(mvc.get().uri("/api/v1/volunteers/me").cookie(session))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("APPROVED");
    }
}
