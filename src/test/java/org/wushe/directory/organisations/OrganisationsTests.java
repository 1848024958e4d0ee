package org.wushe.directory.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.wushe.directory.DirectoryTestData.creditCode;
import static org.wushe.directory.DirectoryTestData.draft;
import static org.wushe.directory.DirectoryTestData.marker;
import static org.wushe.directory.DirectoryTestData.phone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.OrgType;
import org.wushe.directory.OrganisationStatus;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** Organisations on the real database: the life cycle, data scope in SQL, validation, the encrypted phone. */
@WusheIntegrationTest
class OrganisationsTests {

    static final Staff HUANGPU = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310101").named("huangpu-dir-admin");
    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-dir-admin");
    static final Staff XUHUI_STATION =
            Staff.as(Role.STATION_STAFF).in("310104003").named("xuhui-dir-station");

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    private static OrganisationFilter named(String marker) {
        return new OrganisationFilter(null, null, null, marker);
    }

    @Test
    void anOrganisationIsCreatedReadUpdatedSuspendedAndVerified() {
        String m = marker();
        long parent = XUHUI.call(() -> organisations.create(draft(OrgType.ASSOCIATION, "徐汇区社工协会" + m, "310104", null)));
        var station = new OrganisationDraft(
                "station",
                "天平路街道社工站" + m,
                null,
                "310104003",
                "天平路1号",
                "李明",
                "021-64001234",
                parent,
                List.of("310104003"));
        assertThatThrownBy(() -> XUHUI_STATION.call(() -> organisations.create(station)))
                .as("the district's association lies outside a station's scope")
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.organisation.parent.unknown");
        long id = XUHUI.call(() -> organisations.create(station));

        OrganisationDetails read = XUHUI.call(() -> organisations.get(id));
        assertThat(read.type()).isEqualTo(OrgType.STATION);
        assertThat(read.creditCode()).isNull();
        assertThat(read.regionCode()).isEqualTo("310104003");
        assertThat(read.maskedContactPhone()).isEqualTo("021-****1234");
        assertThat(read.parentName()).isEqualTo("徐汇区社工协会" + m);
        assertThat(read.servedRegions()).containsExactly("310104003");
        assertThat(read.status()).isEqualTo(OrganisationStatus.ACTIVE);
        assertThat(read.createdBy()).isEqualTo("xuhui-dir-admin");

        String code = creditCode();
        XUHUI.run(() -> organisations.update(
                id,
                new OrganisationDraft(
                        "STATION",
                        "天平路街道社工站（新）" + m,
                        code,
                        "310104003",
                        "天平路2号",
                        "李明",
                        null,
                        parent,
                        List.of("310104003", "310104004"))));
        OrganisationDetails updated = XUHUI.call(() -> organisations.get(id));
        assertThat(updated.name()).isEqualTo("天平路街道社工站（新）" + m);
        assertThat(updated.creditCode()).isEqualTo(code);
        assertThat(updated.maskedContactPhone())
                .as("a null phone keeps the stored one")
                .isEqualTo("021-****1234");
        assertThat(updated.servedRegions()).containsExactly("310104003", "310104004");

        assertThatThrownBy(() -> XUHUI_STATION.run(() -> organisations.verify(id)))
                .isInstanceOf(AccessDeniedException.class);
        XUHUI.run(() -> organisations.verify(id));
        assertThat(XUHUI.call(() -> organisations.get(id)).verifiedBy()).isEqualTo("xuhui-dir-admin");
        assertThatThrownBy(() -> XUHUI.run(() -> organisations.verify(id)))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.organisation.alreadyVerified");

        XUHUI_STATION.run(() -> organisations.suspend(id));
        assertThat(XUHUI.call(() -> organisations.get(id)).status()).isEqualTo(OrganisationStatus.SUSPENDED);
        assertThatThrownBy(() -> XUHUI.run(() -> organisations.suspend(id)))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.organisation.alreadySuspended");
        assertThat(XUHUI.call(() -> organisations.list(
                                new OrganisationFilter(null, null, OrganisationStatus.SUSPENDED, m), 1, 20))
                        .rows())
                .extracting(OrganisationRow::id)
                .containsExactly(id);
        XUHUI.run(() -> organisations.activate(id));
        assertThat(XUHUI.call(() -> organisations.get(id)).status()).isEqualTo(OrganisationStatus.ACTIVE);

        assertThatThrownBy(() -> XUHUI.run(() -> organisations.update(
                        parent,
                        new OrganisationDraft(
                                "ASSOCIATION", "徐汇区社工协会" + m, null, "310104", null, null, null, id, List.of()))))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.organisation.parent.cycle");

        // every write went to the audit trail, filed under the organisation's region
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "select action || ':' || region_code from audit_entry where entity_type = 'organisation'"
                                                + " and entity_id = ? order by id")
                                .param(Long.toString(id))
                                .query(String.class)
                                .list())
                        .containsExactly(
                                "CREATE:310104003",
                                "UPDATE:310104003",
                                "UPDATE:310104003",
                                "UPDATE:310104003",
                                "UPDATE:310104003"));
    }

    @Test
    void twoDistrictAdminsSeeOnlyTheirOwnOrganisations() {
        String m = marker();
        long huangpus = HUANGPU.call(() -> organisations.create(draft(OrgType.AGENCY, "黄浦社工机构" + m, "310101", null)));
        long xuhuis = XUHUI.call(() -> organisations.create(draft(OrgType.AGENCY, "徐汇社工机构" + m, "310104003", null)));

        OrganisationPage seenByHuangpu = HUANGPU.call(() -> organisations.list(named(m), 1, 20));
        assertThat(seenByHuangpu.rows()).extracting(OrganisationRow::id).containsExactly(huangpus);
        assertThat(seenByHuangpu.total()).isEqualTo(1);
        OrganisationPage seenByXuhui = XUHUI.call(() -> organisations.list(named(m), 1, 20));
        assertThat(seenByXuhui.rows()).extracting(OrganisationRow::id).containsExactly(xuhuis);
        assertThat(seenByXuhui.total()).isEqualTo(1);

        assertThatThrownBy(() -> XUHUI.call(() -> organisations.get(huangpus)))
                .isInstanceOf(OrganisationNotFoundException.class);
        assertThatThrownBy(() -> HUANGPU.run(() -> organisations.suspend(xuhuis)))
                .isInstanceOf(OrganisationNotFoundException.class);
        assertThatThrownBy(() -> HUANGPU.call(() -> organisations.revealContactPhone(xuhuis, "核对")))
                .isInstanceOf(OrganisationNotFoundException.class);
        assertThatThrownBy(
                        () -> HUANGPU.call(() -> organisations.create(draft(OrgType.AGENCY, "越界" + m, "310104", null))))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.organisation.region.outOfScope");
        assertThatThrownBy(() -> HUANGPU.call(() -> organisations.create(new OrganisationDraft(
                        "AGENCY", "越界上级" + m, null, "310101", null, null, null, xuhuis, List.of()))))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.organisation.parent.unknown");

        List<Long> exported = new ArrayList<>();
        XUHUI.call(() -> organisations.export(named(m), row -> exported.add(row.id())));
        assertThat(exported).containsExactly(xuhuis);

        var city = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310000");
        assertThat(city.call(() -> organisations.list(named(m), 1, 20)).total()).isEqualTo(2);
        assertThat(city.call(() -> organisations.list(
                                new OrganisationFilter(
                                        OrgType.AGENCY, RegionCode.parse("310104"), OrganisationStatus.ACTIVE, m),
                                1,
                                20))
                        .rows())
                .extracting(OrganisationRow::id)
                .containsExactly(xuhuis);
        assertThat(city.call(() -> organisations.list(new OrganisationFilter(OrgType.STATION, null, null, m), 1, 20))
                        .total())
                .isZero();
    }

    @Test
    void badInputIsRejectedWithItsKeyAndNothingIsWritten() {
        String m = marker();
        assertRejected(
                new OrganisationDraft(
                        "AGENCY", "坏代码" + m, "51310104MJ0000000X", "310104", null, null, null, null, List.of()),
                "value.creditCode.checksum");
        assertRejected(
                new OrganisationDraft("AGENCY", "坏电话" + m, null, "310104", null, null, "12345", null, List.of()),
                "value.phone.format");
        assertRejected(
                new OrganisationDraft("AGENCY", "无此区划" + m, null, "310104999", null, null, null, null, List.of()),
                "directory.organisation.region.unknown");
        assertRejected(
                new OrganisationDraft(
                        "AGENCY", "无此服务区" + m, null, "310104", null, null, null, null, List.of("310104999")),
                "directory.organisation.served.unknown");
        assertRejected(
                new OrganisationDraft("BANK", "坏类型" + m, null, "310104", null, null, null, null, List.of()),
                "directory.organisation.type.unknown");
        assertRejected(
                new OrganisationDraft("AGENCY", " ", null, "310104", null, null, null, null, List.of()),
                "directory.organisation.name.required");
        assertRejected(
                new OrganisationDraft("AGENCY", "长".repeat(101), null, "310104", null, null, null, null, List.of()),
                "directory.organisation.name.length");
        assertRejected(
                new OrganisationDraft("AGENCY", "无上级" + m, null, "310104", null, null, null, -5L, List.of()),
                "directory.organisation.parent.unknown");

        String code = creditCode();
        XUHUI.call(() -> organisations.create(
                new OrganisationDraft("AGENCY", "有代码" + m, code, "310104", null, null, null, null, List.of())));
        assertRejected(
                new OrganisationDraft(
                        "AGENCY", "同代码" + m, code.toLowerCase(), "310104", null, null, null, null, List.of()),
                "directory.organisation.creditCode.taken");

        assertThat(jdbc.sql("select count(*) from directory_organisation where name like ?")
                        .param("%" + m)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> XUHUI.call(() -> organisations.list(named(m), 1, 7)))
                .isInstanceOf(InvalidValueException.class);
    }

    private void assertRejected(OrganisationDraft draft, String key) {
        assertThatThrownBy(() -> XUHUI.call(() -> organisations.create(draft)))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo(key);
    }

    @Test
    void theContactPhoneIsEncryptedAndRevealedOnlyForAReason() {
        String m = marker();
        String phone = phone();
        long id =
                XUHUI.call(() -> organisations.create(draft(OrgType.HOSPITAL_SW_DEPT, "中山医院社工部" + m, "310104", phone)));

        String table = jdbc.sql("select string_agg(t::text, '|') from directory_organisation t")
                .query(String.class)
                .single();
        assertThat(table).contains("中山医院社工部" + m).doesNotContain(phone).doesNotContain(phone.substring(3));
        assertThat(XUHUI.call(() -> organisations.get(id)).maskedContactPhone())
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));

        assertThatThrownBy(() -> XUHUI.call(() -> organisations.revealContactPhone(id, "  ")))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("privacy.reveal.reason");
        assertThat(XUHUI.call(() -> organisations.revealContactPhone(id, "联系派单")))
                .isEqualTo(phone);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "select count(*) from audit_entry where entity_type = 'organisation' and entity_id = ?"
                                                + " and action = 'REVEAL' and reason = '联系派单'")
                                .param(Long.toString(id))
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
    }
}
