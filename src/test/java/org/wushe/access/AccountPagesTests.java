package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;

/** The account pages as an administrator uses them: create, see the one-time password once, change permissions. */
@WusheIntegrationTest
class AccountPagesTests {

    static final Staff ADMIN = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-page-admin");

    @Autowired
    MockMvcTester mvc;

    @Test
    void createShowsTheOneTimePasswordOnceThenPermissionsCanChange() {
        var created = mvc.post()
                .uri("/accounts")
                .with(ADMIN.request())
                .with(csrf())
                .param("username", "pageuser1")
                .param("displayName", "页面用户")
                .param("phone", "13712345678")
                .param("roles", "STATION_STAFF")
                .param("regions", "310104003")
                .exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(created.getMvcResult().getFlashMap().get("issued")).isNotNull();

        assertThat(mvc.get().uri(location).with(ADMIN.request()))
                .hasStatusOk()
                .bodyText()
                .contains("页面用户", "137****5678", "街镇社工站", "310104003")
                .doesNotContain("13712345678");

        assertThat(mvc.post()
                        .uri(location + "/permissions")
                        .with(ADMIN.request())
                        .with(csrf())
                        .param("roles", "STATION_STAFF", "COMMUNITY_STAFF")
                        .param("regions", "310104003, 310104004"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri(location).with(ADMIN.request())).bodyText().contains("社区工作人员", "310104004");

        assertThat(mvc.post()
                        .uri(location + "/permissions")
                        .with(ADMIN.request())
                        .with(csrf())
                        .param("roles", "STATION_STAFF")
                        .param("regions", "310101"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri(location + "/permissions")
                        .with(ADMIN.request())
                        .with(csrf())
                        .param("roles", "STATION_STAFF")
                        .param("regions", "31010x"))
                .hasStatusOk()
                .bodyText()
                .contains("行政区划代码只能包含数字");
    }

    @Test
    void aBadNewAccountKeepsTheFormOpenWithTheReason() {
        assertThat(mvc.post()
                        .uri("/accounts")
                        .with(ADMIN.request())
                        .with(csrf())
                        .param("username", "x")
                        .param("displayName", "名字")
                        .param("roles", "STATION_STAFF")
                        .param("regions", "310104"))
                .hasStatusOk()
                .bodyText()
                .contains("用户名须为 3 至 32 位");
    }

    @Test
    void theListShowsTheTotalAndOnlyAdminsMayOpenIt() {
        assertThat(mvc.get().uri("/accounts").with(ADMIN.request()))
                .hasStatusOk()
                .bodyText()
                .contains("共 ");
        assertThat(mvc.get().uri("/accounts").param("size", "7").with(ADMIN.request()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get()
                        .uri("/accounts")
                        .with(Staff.as(Role.SOCIAL_WORKER).in("310104").request()))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyText()
                .contains("没有权限");
    }
}
