package org.wushe.directory.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.directory.DirectoryTestData.marker;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;

/**
 * Issue 15 item 11: the organisation form validates and saves the public phone, the page shows it as a link to
 * dial, the API reads and writes it, and the change is audited under a field with a label.
 */
@WusheIntegrationTest
class OrganisationPublicPhonePagesTests {

    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-public-phone-admin");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFormRefusesAMobileKeepsTheInputAndSavesALandline() {
        String m = marker();
        assertThat(mvc.get().uri("/organisations/new").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("对外公布电话", "id=\"publicPhone\"", "12345");

        var mobile = mvc.post()
                .uri("/organisations")
                .with(XUHUI.request())
                .with(csrf())
                .param("type", "STATION")
                .param("name", "龙华街道工作站" + m)
                .param("regionCode", "310104016")
                .param("publicPhone", "13812345678");
        assertThat(mobile)
                .hasStatusOk()
                .bodyText()
                .contains("对外公布电话不能是手机号码", "龙华街道工作站" + m, "13812345678", "is-invalid");
        var malformed = mvc.post()
                .uri("/organisations")
                .with(XUHUI.request())
                .with(csrf())
                .param("type", "STATION")
                .param("name", "龙华街道工作站" + m)
                .param("regionCode", "310104016")
                .param("publicPhone", "6412");
        assertThat(malformed).hasStatusOk().bodyText().contains("对外公布电话格式不正确");
        assertThat(jdbc.sql("select count(*) from directory_organisation where name = ?")
                        .param("龙华街道工作站" + m)
                        .query(Long.class)
                        .single())
                .isZero();

        var created = mvc.post()
                .uri("/organisations")
                .with(XUHUI.request())
                .with(csrf())
                .param("type", "STATION")
                .param("name", "龙华街道工作站" + m)
                .param("regionCode", "310104016")
                .param("publicPhone", "021 6468 0001")
                .exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(location).with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("href=\"tel:02164680001\"", "021-64680001");
        assertThat(mvc.get().uri(location + "/edit").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"021-64680001\"");
        String id = location.substring(location.lastIndexOf('/') + 1);

        // the edit clears it (a blank field publishes no number), and both writes name the field in the trail
        assertThat(mvc.post()
                        .uri(location)
                        .with(XUHUI.request())
                        .with(csrf())
                        .param("type", "STATION")
                        .param("name", "龙华街道工作站" + m)
                        .param("regionCode", "310104016")
                        .param("publicPhone", ""))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("select public_phone from directory_organisation where id = ?")
                        .param(Long.parseLong(id))
                        .query(String.class)
                        .optional())
                .isEmpty();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("""
                                select action from audit_entry where entity_type = 'organisation' and entity_id = ?
                                  and 'publicPhone' = any(fields) order by id""").param(id).query(String.class).list())
                        .containsExactly("CREATE", "UPDATE"));
    }

    @Test
    void theApiWritesAndReadsThePublicPhone() throws Exception {
        String m = marker();
        var created = mvc.post()
                .uri("/api/v1/organisations")
                .with(XUHUI.request())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"STATION\",\"name\":\"漕河泾街道工作站" + m + "\",\"regionCode\":\"310104017\","
                        + "\"publicPhone\":\"021-64680002\"}")
                .exchange();
        assertThat(created)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.publicPhone")
                .isEqualTo("021-64680002");
        Number id = JsonPath.read(created.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
        assertThat(mvc.get().uri("/api/v1/organisations").param("name", m).with(XUHUI.request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.rows[0].publicPhone")
                .isEqualTo("021-64680002");
        assertThat(mvc.put()
                        .uri("/api/v1/organisations/" + id)
                        .with(XUHUI.request())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"STATION\",\"name\":\"漕河泾街道工作站" + m
                                + "\",\"regionCode\":\"310104017\",\"publicPhone\":\"13812345678\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("对外公布电话不能是手机号码");
    }
}
