package org.wushe.residents.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.region.Regions;

/** The demo campaign: 300 people in 黄浦区 through the real import, a third answered, and only once. */
@WusheIntegrationTest
class DemoVerificationTests {

    @Autowired
    CampaignStore campaigns;

    @Autowired
    ImportStore imports;

    @Autowired
    ListImport listImport;

    @Autowired
    TaskStore tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Regions regions;

    @Test
    void theDemoCampaignIsLoadedOnceWithThreeHundredPeopleOfHuangpu() throws IOException {
        Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().run(() -> {
            try (InputStream csv =
                    new ClassPathResource("region/demo-communities-huangpu-xuhui.csv").getInputStream()) {
                regions.importCommunities(csv);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        DemoVerification demo = new DemoVerification(campaigns, imports, listImport, tasks, jdbc, Clock.systemUTC());
        demo.run(null);
        demo.run(null);
        long id = campaigns.idNamed(DemoVerification.NAME).orElseThrow();
        assertThat(jdbc.sql("select count(*) from residents_campaign where name = ?")
                        .param(DemoVerification.NAME)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*), count(outcome), min(community_code), max(community_code)"
                                + " from residents_verification_task where campaign_id = ?")
                        .param(id)
                        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)})
                        .single())
                .satisfies(row -> {
                    assertThat(row[0]).isEqualTo(300L);
                    assertThat((Long) row[1]).isBetween(80L, 120L);
                    assertThat((String) row[2]).startsWith("310101");
                    assertThat((String) row[3]).startsWith("310101");
                });
    }
}
