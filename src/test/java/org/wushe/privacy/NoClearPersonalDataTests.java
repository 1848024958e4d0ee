package org.wushe.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.shared.RegionCode;

/** What a database dump would contain: every row of every table, as text — and no clear phone in it. */
@WusheIntegrationTest
class NoClearPersonalDataTests {

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noTableHoldsAPhoneInClear() {
        var admin = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry();
        var issued = admin.call(() -> accounts.create(new NewAccount("dumpcheck", "导出检查", "13912345678",
                Set.of(Role.SOCIAL_WORKER), DataScope.of(List.of(RegionCode.parse("310104"))))));
        admin.call(() -> accounts.revealPhone(issued.accountId(), "核对联系方式"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from audit_entry where"
                + " action = 'REVEAL' and entity_id = ?").param(Long.toString(issued.accountId())).query(Long.class)
                .single() > 0); // the audit rows are written too before looking

        List<String> tables = jdbc.sql("select quote_ident(table_name) from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE'").query(String.class).list();
        assertThat(tables).contains("access_account", "audit_entry", "event_publication");
        for (String table : tables) {
            String dump = jdbc.sql("select coalesce(string_agg(t::text, '|'), '') from " + table + " t")
                    .query(String.class).single();
            assertThat(dump).as(table).doesNotContain("13912345678").doesNotContain("139****5678");
        }
    }
}
