package org.wushe.directory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.WusheIntegrationTest;
import org.wushe.directory.OrgType;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.ResidentIdNumber;

/** The demo city's directory: organisations of every kind used, one station per street, people, no clear IDs. */
@WusheIntegrationTest
@ActiveProfiles("demo")
class DemoDirectoryTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOrganisationTypeOfTheDemoExists() {
        for (OrgType type : List.of(
                OrgType.ASSOCIATION,
                OrgType.AGENCY,
                OrgType.STATION,
                OrgType.HOSPITAL_SW_DEPT,
                OrgType.COMMUNITY_COMMITTEE,
                OrgType.VOLUNTEER_ORG,
                OrgType.FOUNDATION)) {
            assertThat(jdbc.sql("select count(*) from directory_organisation where type = ?")
                            .param(type.name())
                            .query(Long.class)
                            .single())
                    .as(type.name())
                    .isPositive();
        }
        assertThat(jdbc.sql("select count(*) from directory_organisation where type = 'AGENCY'"
                                + " and (region_code = '310101' or region_code = '310104')")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from directory_organisation where type = 'COMMUNITY_COMMITTEE'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(12);
    }

    @Test
    void oneStationPerStreetOfHuangpuAndXuhui() {
        List<String> streets = jdbc.sql("select code from region_region where parent_code in ('310101', '310104')"
                        + " and level = 'TOWNSHIP'")
                .query(String.class)
                .list();
        assertThat(streets).isNotEmpty();
        for (String street : streets) {
            assertThat(jdbc.sql("select count(*) from directory_organisation o join region_region r"
                                    + " on r.code = o.region_code where o.type = 'STATION' and o.region_code = ?"
                                    + " and o.name = r.name || '社会工作服务站'")
                            .param(street)
                            .query(Long.class)
                            .single())
                    .as(street)
                    .isEqualTo(1);
        }
    }

    @Test
    void socialWorkersAndVolunteers() {
        assertThat(jdbc.sql("select count(*) from directory_social_worker")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(50);
        assertThat(jdbc.sql("select count(*) from directory_volunteer where status in ('APPROVED', 'PENDING')")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(30);
        assertThat(jdbc.sql("select count(*) from directory_volunteer where status = 'APPROVED'"
                                + " and passport_no is not null")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void theFixedSeedGivesTheSamePeople() {
        var first = DemoDirectory.people(100);
        var second = DemoDirectory.people(100);
        assertThat(first).isEqualTo(second);
        assertThat(first.stream().map(DemoDirectory.Person::name).distinct().count())
                .isGreaterThan(50);
        for (var p : first) {
            assertThat(p.name()).matches("\\p{IsHan}{2,4}");
            ResidentIdNumber id = ResidentIdNumber.parse(p.idNumber());
            assertThat(id.birthDate().getYear()).isBetween(1960, 2000);
            assertThat(PhoneNumber.parse(p.phone()).value()).matches("1[3-9]\\d{9}");
        }
    }

    @Test
    void noIdNumberInClear() {
        var people = DemoDirectory.people(DemoDirectory.SOCIAL_WORKERS + DemoDirectory.VOLUNTEERS);
        for (String table : List.of("directory_social_worker", "directory_volunteer", "directory_organisation")) {
            String rows = String.join(
                    "\n",
                    jdbc.sql("select t::text from " + table + " t")
                            .query(String.class)
                            .list());
            for (var p : people) {
                assertThat(rows).as(table).doesNotContain(p.idNumber()).doesNotContain(p.phone());
            }
        }
    }
}
