package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;

/** The demo profile of the README: the demo city and one account per role with the documented password. */
@WusheIntegrationTest
@ActiveProfiles("demo")
class DemoModeTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Test
    void everyRoleCanSignInToTheDemoCity() {
        assertThat(jdbc.sql("select count(*) from region_region where level = 'VILLAGE' and (code like '310101%'"
                                + " or code like '310104%')")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(480);
        for (Role role : Role.values()) {
            String username = jdbc.sql(
                            "select a.username from access_account a join access_account_role r"
                                    + " on r.account_id = a.id where r.role = ? and a.created_by = 'demo' order by a.username limit 1")
                    .param(role.name())
                    .query(String.class)
                    .single();
            var signedIn = mvc.post()
                    .uri("/login")
                    .param("username", username)
                    .param("password", "Wushe@2022demo")
                    .with(csrf())
                    .exchange();
            assertThat(signedIn.getResponse().getRedirectedUrl()).as(username).isEqualTo("/");
            assertThat(mvc.get().uri("/").cookie(signedIn.getResponse().getCookie("SESSION")))
                    .as(username)
                    .hasStatusOk();
        }
    }
}
