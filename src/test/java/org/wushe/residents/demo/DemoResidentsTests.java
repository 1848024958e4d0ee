package org.wushe.residents.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.WusheIntegrationTest;

/** The demo city's register: a few hundred residents across categories, assessed, visited, enrolled; idempotent. */
@WusheIntegrationTest
@ActiveProfiles("demo")
class DemoResidentsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoResidents demo;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theDemoCityHasResidentsOfEveryCategoryWithCareRecords() {
        assertThat(count("select count(*) from residents_resident where created_by = 'demo'"
                        + " and community_code like '31010%'"))
                .isGreaterThanOrEqualTo(250);
        assertThat(count("select count(distinct category) from residents_category c join residents_resident r"
                        + " on r.id = c.resident_id where r.created_by = 'demo'"))
                .isEqualTo(13);
        assertThat(count("select count(*) from residents_assessment where assessed_by = 'demo'"))
                .isPositive();
        assertThat(count("select count(*) from residents_visit where visited_by = 'demo'"))
                .isPositive();
        assertThat(count("select count(*) from residents_checkin_enrolment where community_code = '"
                        + DemoResidents.DEMO_COMMUNITY + "'"))
                .isPositive();
        assertThat(count("select count(*) from residents_resident where created_by = 'demo' and community_code = '"
                        + DemoResidents.DEMO_COMMUNITY + "'"))
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void aSecondStartAddsNothing() {
        long residents = count("select count(*) from residents_resident");
        long assessments = count("select count(*) from residents_assessment");
        demo.run(null);
        assertThat(count("select count(*) from residents_resident")).isEqualTo(residents);
        assertThat(count("select count(*) from residents_assessment")).isEqualTo(assessments);
    }
}
