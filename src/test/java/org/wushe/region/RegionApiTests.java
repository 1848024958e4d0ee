package org.wushe.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;

@WusheIntegrationTest
class RegionApiTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void huangpuComesWithItsParentsUpToShanghai() {
        assertThat(mvc.get().uri("/api/v1/regions/310101"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"code":"310101","name":"黄浦区","level":"COUNTY","parentCode":"310100","hasChildren":true,
                         "ancestors":[{"code":"310000","name":"上海市","level":"PROVINCE"},
                                      {"code":"310100","level":"CITY"}]}""");
    }

    @Test
    void theChildrenOfHuangpuAreItsStreets() {
        assertThat(mvc.get().uri("/api/v1/regions/310101/children"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].name")
                .asArray()
                .contains("南京东路街道", "外滩街道", "豫园街道", "打浦桥街道", "瑞金二路街道", "五里桥街道")
                .hasSize(10);
        assertThat(mvc.get().uri("/api/v1/regions/310101/children"))
                .bodyJson()
                .extractingPath("$[*].level")
                .asArray()
                .containsOnly("TOWNSHIP");
    }

    @Test
    void searchingXuhuiFindsTheDistrictFirst() {
        assertThat(mvc.get().uri("/api/v1/regions").param("q", "徐汇"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0]")
                .isEqualTo(Map.of(
                        "code",
                        "310104",
                        "name",
                        "徐汇区",
                        "level",
                        "COUNTY",
                        "parentCode",
                        "310100",
                        "fullName",
                        "上海市 / 市辖区 / 徐汇区"));
    }

    @Test
    void searchCanBeNarrowedToASubtree() {
        assertThat(mvc.get()
                        .uri("/api/v1/regions")
                        .param("q", "街道")
                        .param("within", "310104")
                        .param("limit", "100"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].code")
                .asArray()
                .hasSize(12)
                .allSatisfy(code -> assertThat(code.toString()).startsWith("310104"));
    }

    @Test
    void withoutAQueryTheProvincesAreListed() {
        assertThat(mvc.get().uri("/api/v1/regions"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].code")
                .asArray()
                .hasSize(31)
                .contains("110000", "310000", "650000");
    }

    @Test
    void aMalformedCodeIsABadRequestWithALocalisedMessage() {
        assertThat(mvc.get().uri("/api/v1/regions/31010x"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"status":400,"code":"value.region.digits","detail":"行政区划代码只能包含数字"}""");
        assertThat(mvc.get().uri("/api/v1/regions/3101").param("lang", "en"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("6, 9 or 12 digits");
        assertThat(mvc.get().uri("/api/v1/regions/310101").header("Cookie", "wushe-lang=en"))
                .hasStatusOk();
    }

    @Test
    void anUnknownCodeIsNotFound() {
        assertThat(mvc.get().uri("/api/v1/regions/310199"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"status":404,"code":"region.notFound","detail":"区划代码 310199 不存在。"}""");
        assertThat(mvc.get().uri("/api/v1/regions/310199/children")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void searchTextMustBeShortEnough() {
        assertThat(mvc.get().uri("/api/v1/regions").param("q", "徐".repeat(51)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("region.search.length");
    }

    @Test
    void importsCommunitiesAndReportsEveryRejectedLine() {
        String csv = """
                code,name,streetCode
                310104003001,测试社区甲居委会,310104003
                310104003002,"测试社区乙居委会",310104003
                310104003001,重复的行,310104003
                310104,不是社区,310104
                31010400300x,格式错误,
                310104998001,街道不存在,310104998
                310104003003,,310104003
                """;
        assertThat(mvc.post()
                        .uri("/api/v1/regions/communities")
                        .contentType("text/csv")
                        .with(csrf())
                        .with(Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().request())
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"rowsRead":7,"rowsWritten":2,"rowsRejected":5,"rejected":[
                          {"line":4,"code":"region.import.duplicate"},
                          {"line":5,"code":"region.import.notCommunity"},
                          {"line":6,"code":"value.region.digits"},
                          {"line":7,"code":"region.import.parentMissing","message":"所属街道（乡镇）310104998 不存在。"},
                          {"line":8,"code":"region.import.name"}]}""");

        assertThat(mvc.get().uri("/api/v1/regions/310104003001"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"name":"测试社区甲居委会","level":"VILLAGE","parentCode":"310104003"}""");
        assertThat(mvc.get().uri("/api/v1/regions/310104003/children"))
                .bodyJson()
                .extractingPath("$[*].code")
                .asArray()
                .contains("310104003001", "310104003002");
    }

    @Test
    void anImportWithoutTheRequiredColumnsChangesNothing() {
        assertThat(mvc.post()
                        .uri("/api/v1/regions/communities")
                        .contentType("text/csv")
                        .with(csrf())
                        .with(Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().request())
                        .content("id,title\n310112001901,x\n".getBytes(StandardCharsets.UTF_8)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("region.import.header");
        assertThat(mvc.get().uri("/api/v1/regions/310112001901")).hasStatus(HttpStatus.NOT_FOUND);
    }
}
