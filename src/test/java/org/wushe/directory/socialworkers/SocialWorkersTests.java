package org.wushe.directory.socialworkers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wushe.directory.DirectoryTestData.marker;
import static org.wushe.directory.DirectoryTestData.phone;
import static org.wushe.directory.socialworkers.SocialWorkerTestData.draft;
import static org.wushe.directory.socialworkers.SocialWorkerTestData.idNumber;
import static org.wushe.directory.socialworkers.SocialWorkerTestData.withWrongCheck;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.Availability;
import org.wushe.directory.DirectoryTestData;
import org.wushe.directory.OrgType;
import org.wushe.directory.Qualification;
import org.wushe.directory.Specialty;
import org.wushe.directory.organisations.Organisations;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.Sex;

/** Social workers on the real database: life cycle, data scope in SQL, validation, encryption, counts. */
@WusheIntegrationTest
class SocialWorkersTests {

    static final Staff HUANGPU = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310101").named("huangpu-sw-admin");
    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-sw-admin");

    @Autowired
    SocialWorkers socialWorkers;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSocialWorkerIsCreatedReadUpdatedAndMaskedWithSexAndBirthDateDerived() {
        String m = marker();
        long org = XUHUI.call(
                () -> organisations.create(DirectoryTestData.draft(OrgType.AGENCY, "徐汇社工机构" + m, "310104", null)));
        String id = idNumber();
        String phone = phone();
        long sw = XUHUI.call(() -> socialWorkers.create(draft("张明" + m, id, phone, "310104", List.of(org))));

        SocialWorkerDetails read = XUHUI.call(() -> socialWorkers.get(sw));
        assertThat(read.maskedIdNumber()).isEqualTo(id.substring(0, 3) + "***********" + id.substring(14));
        assertThat(read.maskedPhone()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(read.sex()).isEqualTo(Integer.parseInt(id.substring(16, 17)) % 2 == 1 ? Sex.MALE : Sex.FEMALE);
        assertThat(read.birthDate())
                .isEqualTo(
                        LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)));
        assertThat(read.specialties()).containsExactly(Specialty.MEDICAL, Specialty.ELDERLY);
        assertThat(read.organisations()).containsExactly("徐汇社工机构" + m);
        assertThat(read.qualification()).isEqualTo(Qualification.SOCIAL_WORKER);

        XUHUI.run(() -> socialWorkers.update(
                sw,
                new SocialWorkerDraft(
                        "张明明" + m,
                        null,
                        null,
                        "SENIOR",
                        null,
                        List.of("PSYCHOLOGICAL"),
                        true,
                        "310104003",
                        "OFF_DUTY",
                        "310104003",
                        List.of(org),
                        List.of())));
        SocialWorkerDetails updated = XUHUI.call(() -> socialWorkers.get(sw));
        assertThat(updated.name()).isEqualTo("张明明" + m);
        assertThat(updated.maskedIdNumber()).as("a null ID number keeps it").isEqualTo(read.maskedIdNumber());
        assertThat(updated.maskedPhone()).isEqualTo(read.maskedPhone());
        assertThat(updated.reportedCommunity()).isEqualTo("310104003");
        assertThat(updated.availability()).isEqualTo(Availability.OFF_DUTY);

        XUHUI.run(() -> socialWorkers.setAvailability(sw, Availability.ON_DUTY));
        assertThat(XUHUI.call(() -> socialWorkers.get(sw)).availability()).isEqualTo(Availability.ON_DUTY);
        assertThat(XUHUI.call(() -> socialWorkers.revealIdNumber(sw, "核实身份"))).isEqualTo(id);
        assertThat(XUHUI.call(() -> socialWorkers.revealPhone(sw, "电话联系"))).isEqualTo(phone);

        SocialWorkerPage page = XUHUI.call(() -> socialWorkers.list(
                new SocialWorkerFilter(
                        m, org, Qualification.SENIOR, Specialty.PSYCHOLOGICAL, Availability.ON_DUTY, null),
                1,
                10));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.rows().get(0).maskedIdNumber()).isEqualTo(read.maskedIdNumber());
        assertThat(XUHUI.call(() -> socialWorkers.list(
                                new SocialWorkerFilter(m, null, Qualification.ASSISTANT, null, null, null), 1, 10))
                        .total())
                .isZero();

        // neither the ID number nor the phone is in clear (or masked) anywhere in the row
        String dump = jdbc.sql("select t::text from directory_social_worker t where id = ?")
                .param(sw)
                .query(String.class)
                .single();
        assertThat(dump)
                .doesNotContain(id)
                .doesNotContain(id.substring(14))
                .doesNotContain(phone)
                .doesNotContain(phone.substring(7));
    }

    @Test
    void aSecondWorkerWithTheSameIdNumberIsRefused() {
        String m = marker();
        String id = idNumber();
        XUHUI.call(() -> socialWorkers.create(draft("李" + m, id, null, "310104", List.of())));
        assertThatThrownBy(
                        () -> XUHUI.call(() -> socialWorkers.create(draft("李二" + m, id, phone(), "310104", List.of()))))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.socialWorker.idNumber.taken");
        assertThatThrownBy(
                        () -> HUANGPU.call(() -> socialWorkers.create(draft("李三" + m, id, null, "310101", List.of()))))
                .as("across districts too")
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.socialWorker.idNumber.taken");
    }

    @Test
    void badIdNumbersPhonesAndEnumerationsAreRefusedWithTheirKeys() {
        String m = marker();
        assertThatThrownBy(() -> XUHUI.call(() ->
                        socialWorkers.create(draft("王" + m, withWrongCheck(idNumber()), null, "310104", List.of()))))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("value.residentId.checksum");
        assertThatThrownBy(() -> XUHUI.call(
                        () -> socialWorkers.create(draft("王" + m, idNumber(), "12345", "310104", List.of()))))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("value.phone.format");
        assertThatThrownBy(() -> XUHUI.call(() -> socialWorkers.create(new SocialWorkerDraft(
                        "王" + m,
                        idNumber(),
                        null,
                        "MASTER",
                        null,
                        List.of(),
                        false,
                        null,
                        null,
                        "310104",
                        List.of(),
                        List.of()))))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.socialWorker.qualification.unknown");
        assertThatThrownBy(() ->
                        XUHUI.call(() -> socialWorkers.create(draft("王" + m, idNumber(), null, "310101", List.of()))))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.socialWorker.region.outOfScope");
        assertThat(XUHUI.call(() -> socialWorkers.list(SocialWorkerFilter.named(m), 1, 10))
                        .total())
                .isZero();
    }

    @Test
    void twoDistrictAdminsSeeOnlyTheirOwnWorkersInListsDetailsExportsAndCounts() {
        String m = marker();
        long xOrg = XUHUI.call(
                () -> organisations.create(DirectoryTestData.draft(OrgType.AGENCY, "徐汇机构" + m, "310104", null)));
        long hOrg = HUANGPU.call(
                () -> organisations.create(DirectoryTestData.draft(OrgType.AGENCY, "黄浦机构" + m, "310101", null)));
        long x = XUHUI.call(() -> socialWorkers.create(draft("徐" + m, idNumber(), null, "310104003", List.of(xOrg))));
        long h = HUANGPU.call(() -> socialWorkers.create(draft("黄" + m, idNumber(), null, "310101", List.of(hOrg))));

        assertThat(XUHUI.call(() -> socialWorkers.list(SocialWorkerFilter.named(m), 1, 10))
                        .rows())
                .extracting(SocialWorkerRow::id)
                .containsExactly(x);
        assertThat(HUANGPU.call(() -> socialWorkers.list(SocialWorkerFilter.named(m), 1, 10))
                        .rows())
                .extracting(SocialWorkerRow::id)
                .containsExactly(h);
        assertThatThrownBy(() -> XUHUI.call(() -> socialWorkers.get(h)))
                .isInstanceOf(SocialWorkerNotFoundException.class);
        assertThatThrownBy(() -> XUHUI.call(() -> socialWorkers.revealPhone(h, "查看")))
                .isInstanceOf(SocialWorkerNotFoundException.class);
        assertThatThrownBy(() -> HUANGPU.run(() -> socialWorkers.setAvailability(x, Availability.OFF_DUTY)))
                .isInstanceOf(SocialWorkerNotFoundException.class);

        List<Long> exported = new ArrayList<>();
        XUHUI.call(() -> socialWorkers.export(SocialWorkerFilter.named(m), r -> exported.add(r.id())));
        assertThat(exported).containsExactly(x);

        assertThat(XUHUI.call(() -> socialWorkers.countsByOrganisation()))
                .extracting(SocialWorkerCount::label)
                .contains("徐汇机构" + m)
                .doesNotContain("黄浦机构" + m);
        assertThat(HUANGPU.call(() -> socialWorkers.countsByOrganisation()))
                .filteredOn(c -> c.label().equals("黄浦机构" + m))
                .extracting(SocialWorkerCount::count)
                .containsExactly(1L);
        assertThat(XUHUI.call(() -> socialWorkers.countsByRegion()))
                .extracting(SocialWorkerCount::key)
                .allMatch(k -> k.startsWith("310104"))
                .contains("310104003");
    }

    @Test
    void anAgencyAdminWritesOnlyForTheirOwnOrganisationAndAVolunteerReadsNothing() {
        String m = marker();
        long own = XUHUI.call(
                () -> organisations.create(DirectoryTestData.draft(OrgType.AGENCY, "本机构" + m, "310104", null)));
        long other = XUHUI.call(
                () -> organisations.create(DirectoryTestData.draft(OrgType.AGENCY, "他机构" + m, "310104", null)));
        Staff agency =
                Staff.as(Role.AGENCY_ADMIN).organisation(own).in("310104").named("agency-sw-admin");
        long mine = agency.call(() -> socialWorkers.create(draft("本" + m, idNumber(), null, "310104", List.of(own))));
        assertThat(mine).isPositive();
        assertThatThrownBy(() -> agency.call(
                        () -> socialWorkers.create(draft("他" + m, idNumber(), null, "310104", List.of(other)))))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.socialWorker.organisation.own");
        long theirs =
                XUHUI.call(() -> socialWorkers.create(draft("他" + m, idNumber(), null, "310104", List.of(other))));
        assertThatThrownBy(() -> agency.run(() -> socialWorkers.setAvailability(theirs, Availability.OFF_DUTY)))
                .isInstanceOf(InvalidValueException.class);

        Staff volunteer = Staff.as(Role.VOLUNTEER).in("310104");
        assertThatThrownBy(() -> volunteer.call(() -> socialWorkers.list(SocialWorkerFilter.named(m), 1, 10)))
                .isInstanceOf(AccessDeniedException.class);
        Staff community = Staff.as(Role.COMMUNITY_STAFF).in("310104");
        assertThatThrownBy(() -> community.call(
                        () -> socialWorkers.create(draft("社" + m, idNumber(), null, "310104", List.of()))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
