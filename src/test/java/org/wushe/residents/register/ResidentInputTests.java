package org.wushe.residents.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.residents.ResidentTestData.A;
import static org.wushe.residents.ResidentTestData.draft;

import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
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
import org.wushe.region.Regions;
import org.wushe.residents.ResidentTestData;

/**
 * Hostile input to the register (issue 13, items 9 and 14): NUL and other control characters, names that cannot be
 * seen or that display reversed, a household that is not an id, birth dates before 1900, an unknown task status and
 * a page number that overflows — each a 400 naming the field, and nothing stored.
 */
@WusheIntegrationTest
class ResidentInputTests {

    static final Staff CIVIL = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310000").named("input-civil");
    static final Staff STAFF_A = Staff.as(Role.COMMUNITY_STAFF).in(A).named("input-community-a");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Residents residents;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void communities() {
        ResidentTestData.communities(regions);
    }

    long residentCount() {
        return jdbc.sql("select count(*) from residents_resident")
                .query(Long.class)
                .single();
    }

    static String body(String name, String idNumber, String address) {
        return "{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\",\"communityCode\":\"" + A
                + "\",\"lawfulBasis\":\"STATUTORY_DUTY\",\"registeredAddress\":\"" + address + "\"}";
    }

    @Test
    void aNulInANameOrAnAddressIsAFieldErrorAndNothingIsStored() {
        long before = residentCount();
        assertThat(mvc.post()
                        .uri("/api/v1/residents")
                        .with(CIVIL.request())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("王\\u0000明", ResidentTestData.idNumber(), "天平路1号")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.name")
                .asString()
                .contains("控制字符");
        assertThat(mvc.post()
                        .uri("/api/v1/residents")
                        .with(CIVIL.request())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("王明", ResidentTestData.idNumber(), "天平路\\u00001号")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.registeredAddress")
                .asString()
                .contains("控制字符");
        // the form shows it under the field, with the rest of the input kept
        assertThat(mvc.post()
                        .uri("/residents")
                        .with(STAFF_A.request())
                        .with(csrf())
                        .param("name", "王\u0000明")
                        .param("idNumber", ResidentTestData.idNumber())
                        .param("communityCode", A)
                        .param("lawfulBasis", "STATUTORY_DUTY")
                        .param("residenceAddress", "天平路\u00002号"))
                .hasStatusOk()
                .bodyText()
                .contains("第2个字符是不可见的控制字符", "第4个字符是不可见的控制字符", "is-invalid");
        assertThat(residentCount()).isEqualTo(before);
    }

    @Test
    void lettersInANumberFieldOrABadDateAreErrorsAtTheirFieldsNotAnErrorPage() {
        long before = residentCount();
        assertThat(mvc.post()
                        .uri("/residents")
                        .with(STAFF_A.request())
                        .with(csrf())
                        .param("name", "冯秀珍")
                        .param("idNumber", ResidentTestData.idNumber())
                        .param("communityCode", A)
                        .param("lawfulBasis", "STATUTORY_DUTY")
                        .param("gridWorkerAccountId", "张网格")
                        .param("categories", "DISABLED", "PREGNANT")
                        .param("disabilityGrade", "二级")
                        .param("dueDate", "下个月"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "id=\"r-grid-error\"", // the grid worker is a picker: a name that names nobody is said under it
                        "id=\"error-disabilityGrade\"",
                        "id=\"error-dueDate\"",
                        "请填写数字。",
                        "格式不正确，请重新填写。",
                        "冯秀珍");
        assertThat(residentCount()).isEqualTo(before);
        long id = STAFF_A.call(() -> residents.create(draft("冯秀英", A)));
        assertThat(mvc.post()
                        .uri("/residents/" + id)
                        .with(STAFF_A.request())
                        .with(csrf())
                        .param("name", "冯秀英")
                        .param("communityCode", A)
                        .param("lawfulBasis", "STATUTORY_DUTY")
                        .param("socialWorkerId", "李社工"))
                .hasStatusOk()
                .bodyText()
                // the social worker is a picker now: a name that names nobody is said under it, not as a number error
                .contains("id=\"r-sw-error\"", "李社工");
    }

    @Test
    void aNulInASearchIsAParameterErrorInTheApiAndOnThePage() {
        assertThat(mvc.get().uri(URI.create("/api/v1/residents?name=%00")).with(CIVIL.request()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.name")
                .asString()
                .contains("控制字符");
        assertThat(mvc.get().uri(URI.create("/residents?name=%E7%8E%8B%00")).with(CIVIL.request()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("name", "控制字符");
    }

    @Test
    void anOverflowingPageOrAnUnknownStatusIsA400NotA500() {
        assertThat(mvc.get().uri("/api/v1/residents?page=2147483647&size=100").with(CIVIL.request()))
                .hasStatus2xxSuccessful();
        assertThat(mvc.get().uri("/api/v1/residents?page=99999999999999999999").with(CIVIL.request()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.page")
                .isNotNull();
        assertThat(mvc.get()
                        .uri("/api/v1/residents/visits/overdue?page=2147483647&size=100")
                        .with(CIVIL.request()))
                .hasStatus2xxSuccessful();
        assertThat(mvc.get()
                        .uri("/api/v1/verification-campaigns/tasks?status=BOGUS")
                        .with(CIVIL.request()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.status")
                .asString()
                .contains("status");
        assertThat(mvc.get()
                        .uri("/api/v1/verification-campaigns/tasks?page=2147483647&size=100")
                        .with(CIVIL.request()))
                .hasStatus2xxSuccessful();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"\\u200b\\u200c\\u200d", "\\ufeff\\u2060 ", "王\\u202e明", "\\u2066王明\\u2069", "王\\u0007明", "王\\t明"
            })
    void aNameThatCannotBeSeenOrDisplaysAsSomethingElseIsRefused(String name) {
        long before = residentCount();
        assertThat(mvc.post()
                        .uri("/api/v1/residents")
                        .with(CIVIL.request())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(name, ResidentTestData.idNumber(), "天平路1号")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.name")
                .isNotNull();
        assertThat(mvc.post()
                        .uri("/api/v1/residents")
                        .with(CIVIL.request())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("王明", ResidentTestData.idNumber(), "天平路1号")
                                .replace("}", ",\"guardianName\":\"" + name + "\"}")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.guardianName")
                .isNotNull();
        assertThat(residentCount()).isEqualTo(before);
        // a zero-width joiner inside a visible name is kept
        assertThat(mvc.post()
                        .uri("/api/v1/residents")
                        .with(CIVIL.request())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("阿依\\u200d古丽", ResidentTestData.idNumber(), "天平路1号")))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void aHouseholdThatIsNotAnIdIsAFieldErrorNotANewHousehold() {
        long id = STAFF_A.call(() -> residents.create(draft("户主测试", A)));
        long households = jdbc.sql("select count(*) from residents_household")
                .query(Long.class)
                .single();
        for (String household : new String[] {"\"abc\"", "1.5", "{}", "[]", "true"}) {
            assertThat(mvc.post()
                            .uri("/api/v1/residents/" + id + "/household")
                            .with(STAFF_A.request())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"household\":" + household + "}"))
                    .as(household)
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.errors.household")
                    .asString()
                    .contains("家庭编号应为数字");
        }
        assertThat(jdbc.sql("select count(*) from residents_household")
                        .query(Long.class)
                        .single())
                .isEqualTo(households);
        assertThat(STAFF_A.call(() -> residents.get(id)).householdId()).isNull();
    }

    @Test
    void aBirthDateBefore1900OrInTheFutureIsRefused() {
        long before = residentCount();
        for (String birth : new String[] {"18991231", "18500101", "20991231"}) {
            assertThat(mvc.post()
                            .uri("/api/v1/residents")
                            .with(CIVIL.request())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body("王明", ResidentTestData.idNumberBornOn(birth), "天平路1号")))
                    .as(birth)
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.errors.idNumber")
                    .asString()
                    .containsAnyOf("早于1900年1月1日", "晚于今天");
        }
        assertThat(residentCount()).isEqualTo(before);
        assertThat(mvc.post()
                        .uri("/api/v1/residents")
                        .with(CIVIL.request())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("王明", ResidentTestData.idNumberBornOn("19000101"), "天平路1号")))
                .hasStatus(HttpStatus.CREATED);
    }
}
