package org.wushe.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.directory.DirectoryTestData.creditCode;
import static org.wushe.directory.DirectoryTestData.marker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.socialworkers.SocialWorkerTestData;

/**
 * Hostile names in the directory and the accounts (issue 13, items 9 and 14): NUL in an organisation's name is a
 * 400 naming the field, and a name made of invisible characters, turned around by a direction override or holding
 * a control character is refused for organisations, their contact people, social workers and accounts alike.
 */
@WusheIntegrationTest
class DirectoryInputTests {

    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-dir-input-admin");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static String organisation(String name, String person) {
        return "{\"type\":\"AGENCY\",\"name\":\"" + name + "\",\"creditCode\":\"" + creditCode()
                + "\",\"regionCode\":\"310104\",\"contactPerson\":\"" + person + "\"}";
    }

    @Test
    void aNulInAnOrganisationsNameIsAFieldErrorInTheApiAndAnErrorOnTheForm() {
        long before = count("directory_organisation");
        assertThat(mvc.post()
                        .uri("/api/v1/organisations")
                        .with(XUHUI.request())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(organisation("机构\\u0000" + marker(), "王芳")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.name")
                .asString()
                .contains("控制字符");
        assertThat(mvc.post()
                        .uri("/organisations")
                        .with(XUHUI.request())
                        .with(csrf())
                        .param("type", "AGENCY")
                        .param("name", "机构\u0000" + marker())
                        .param("regionCode", "310104"))
                .hasStatusOk()
                .bodyText()
                .contains("控制字符", "is-invalid");
        assertThat(mvc.post()
                        .uri("/organisations")
                        .with(XUHUI.request())
                        .with(csrf())
                        .param("type", "AGENCY")
                        .param("name", "机构" + marker())
                        .param("address", "天平路\u00001号")
                        .param("regionCode", "310104"))
                .hasStatusOk()
                .bodyText()
                .contains("控制字符");
        assertThat(count("directory_organisation")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u200b\\u200b", "\\u2060\\ufeff", "机构\\u202e构机", "\\u2067机构", "机\\u0001构", "机\\n构"})
    void hostileNamesAreRefusedForOrganisationsContactsSocialWorkersAndAccounts(String name) {
        long organisations = count("directory_organisation");
        long workers = count("directory_social_worker");
        long accounts = count("access_account");
        assertThat(mvc.post()
                        .uri("/api/v1/organisations")
                        .with(XUHUI.request())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(organisation(name, "王芳")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post()
                        .uri("/api/v1/organisations")
                        .with(XUHUI.request())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(organisation("机构" + marker(), name)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post()
                        .uri("/api/v1/social-workers")
                        .with(XUHUI.request())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"idNumber\":\"" + SocialWorkerTestData.idNumber()
                                + "\",\"partyMember\":false,\"regionCode\":\"310104\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("name");
        assertThat(mvc.post()
                        .uri("/api/v1/accounts")
                        .with(XUHUI.request())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"in" + System.nanoTime() % 1_000_000_000 + "\",\"displayName\":\""
                                + name + "\",\"roles\":[\"STATION_STAFF\"],\"regions\":[\"310104003\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(count("directory_organisation")).isEqualTo(organisations);
        assertThat(count("directory_social_worker")).isEqualTo(workers);
        assertThat(count("access_account")).isEqualTo(accounts);
    }
}
