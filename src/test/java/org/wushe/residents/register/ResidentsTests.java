package org.wushe.residents.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.wushe.residents.ResidentTestData.A;
import static org.wushe.residents.ResidentTestData.B;
import static org.wushe.residents.ResidentTestData.draft;
import static org.wushe.residents.ResidentTestData.idNumber;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.region.Regions;
import org.wushe.residents.ResidentTestData;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.visits.VisitKind;
import org.wushe.residents.visits.Visits;
import org.wushe.shared.InvalidValueException;

/** The register through its façade: fields, duplicates, void/unvoid, merge, households, roles and scope. */
@WusheIntegrationTest
class ResidentsTests {

    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-residents-admin");
    static final Staff COMMUNITY_A = Staff.as(Role.COMMUNITY_STAFF).in(A).named("community-a-staff");
    static final Staff COMMUNITY_B = Staff.as(Role.COMMUNITY_STAFF).in(B).named("community-b-staff");

    @Autowired
    Residents residents;

    @Autowired
    Regions regions;

    @Autowired
    Visits visits;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void communities() {
        ResidentTestData.communities(regions);
    }

    @Test
    void aResidentIsRegisteredWithEncryptedIdAndDerivedSexAndBirthDate() {
        String id = idNumber();
        ResidentDraft d = draft("王秀英", id, A, VulnerabilityCategory.ELDERLY_ALONE, VulnerabilityCategory.DIBAO);
        long rid = COMMUNITY_A.call(() -> residents.create(d));
        ResidentDetails r = COMMUNITY_A.call(() -> residents.get(rid));
        assertThat(r.name()).isEqualTo("王秀英");
        assertThat(r.maskedIdNumber()).isEqualTo(id.substring(0, 3) + "***********" + id.substring(14));
        assertThat(r.birthDate())
                .isEqualTo(
                        LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)));
        assertThat(r.categoryNames()).containsExactlyInAnyOrder("ELDERLY_ALONE", "DIBAO");
        assertThat(r.maskedGuardianPhone()).contains("****");
        byte[] stored = jdbc.sql("select id_number_cipher from residents_resident where id = ?")
                .param(rid)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(id);
        assertThat(COMMUNITY_A.call(() -> residents.reveal(rid, Residents.RevealableField.ID_NUMBER, "核实身份")))
                .isEqualTo(id);
        assertThatThrownBy(
                        () -> COMMUNITY_A.call(() -> residents.reveal(rid, Residents.RevealableField.ID_NUMBER, " ")))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void everyBadFieldIsReportedAndNothingIsWritten() {
        long before = jdbc.sql("select count(*) from residents_resident")
                .query(Long.class)
                .single();
        ResidentDraft bad = new ResidentDraft(
                "",
                "110101199001011235",
                "12345",
                null,
                null,
                "310104003",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "CONSENT",
                null,
                List.of(
                        new CategoryDetail("DISABLED", null, 7, null, null, null, null),
                        new CategoryDetail("PREGNANT", null, null, null, null, null, null)));
        InvalidFieldsException e =
                catchThrowableOfType(InvalidFieldsException.class, () -> XUHUI.call(() -> residents.create(bad)));
        assertThat(e.problems())
                .extracting(InvalidFieldsException.FieldProblem::field)
                .contains(
                        "name",
                        "idNumber",
                        "phone",
                        "communityCode",
                        "consentAt",
                        "disabilityType",
                        "disabilityGrade",
                        "dueDate");
        assertThat(jdbc.sql("select count(*) from residents_resident")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aDuplicateLinksToTheRecordInScopeAndIsNeutralOutside() {
        String id = idNumber();
        long first = COMMUNITY_A.call(() -> residents.create(draft("张建国", id, A)));
        InvalidFieldsException inScope = catchThrowableOfType(
                InvalidFieldsException.class, () -> XUHUI.call(() -> residents.create(draft("张建国", id, A))));
        assertThat(inScope.existingResidentId()).isEqualTo(first);
        assertThat(inScope.problems().get(0).problem().messageKey())
                .isEqualTo("residents.resident.idNumber.registeredHere");
        InvalidFieldsException outside = catchThrowableOfType(
                InvalidFieldsException.class, () -> COMMUNITY_B.call(() -> residents.create(draft("张建国", id, B))));
        assertThat(outside.existingResidentId()).isNull();
        assertThat(outside.problems().get(0).problem().messageKey())
                .isEqualTo("residents.resident.idNumber.registered");
        assertThat(outside.problems().get(0).problem().arguments()).isEmpty();
    }

    @Test
    void voidAndUnvoidNeedAReasonAndFreeTheIdNumber() {
        String id = idNumber();
        long rid = COMMUNITY_A.call(() -> residents.create(draft("刘桂兰", id, A)));
        assertThatThrownBy(() -> COMMUNITY_A.run(() -> residents.voidRecord(rid, "")))
                .isInstanceOf(InvalidValueException.class);
        COMMUNITY_A.run(() -> residents.voidRecord(rid, "重复登记"));
        assertThat(COMMUNITY_A.call(() -> residents.get(rid)).voided()).isTrue();
        // a voided record is read, but no care is recorded on it (assessments, visits, cases, check-in call this)
        assertThatThrownBy(() -> COMMUNITY_A.call(() -> residents.getLive(rid)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("residents.resident.voided");
        assertThatThrownBy(() -> COMMUNITY_A.call(() -> visits.record(rid, VisitKind.HOME, null, null)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("residents.resident.voided");
        assertThatThrownBy(() -> COMMUNITY_A.run(() -> residents.voidRecord(rid, "再次")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("void.already");
        long again = COMMUNITY_A.call(() -> residents.create(draft("刘桂兰", id, A)));
        // the first cannot come back while another live record holds the number
        assertThatThrownBy(() -> COMMUNITY_A.run(() -> residents.unvoid(rid, "误作废")))
                .isInstanceOf(InvalidFieldsException.class);
        COMMUNITY_A.run(() -> residents.voidRecord(again, "录入错误"));
        COMMUNITY_A.run(() -> residents.unvoid(rid, "误作废"));
        assertThat(COMMUNITY_A.call(() -> residents.get(rid)).voided()).isFalse();
    }

    @Test
    void aMergeMovesCategoriesAndPointsTheMergedRecordToTheSurvivor() {
        long survivor = COMMUNITY_A.call(() -> residents.create(draft("陈志强", A, VulnerabilityCategory.DIBAO)));
        long merged = COMMUNITY_A.call(() -> residents.create(draft("陈志强", A, VulnerabilityCategory.ELDERLY_ALONE)));
        COMMUNITY_A.run(() -> residents.merge(survivor, merged, "同一人两次登记"));
        ResidentDetails s = COMMUNITY_A.call(() -> residents.get(survivor));
        ResidentDetails m = COMMUNITY_A.call(() -> residents.get(merged));
        assertThat(s.categoryNames()).containsExactlyInAnyOrder("DIBAO", "ELDERLY_ALONE");
        assertThat(m.voided()).isTrue();
        assertThat(m.mergedIntoId()).isEqualTo(survivor);
        assertThat(jdbc.sql("select count(*) from residents_merge where survivor_id = ? and merged_id = ?")
                        .params(survivor, merged)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThatThrownBy(() -> COMMUNITY_A.run(() -> residents.unvoid(merged, "x")))
                .hasMessageContaining("unvoid.merged");
        assertThatThrownBy(() -> COMMUNITY_A.run(() -> residents.merge(survivor, survivor, "x")))
                .hasMessageContaining("merge.same");
    }

    @Test
    void householdsLinkResidentsOfOneCommunity() {
        long head = COMMUNITY_A.call(() -> residents.create(draft("赵德明", A)));
        long spouse = COMMUNITY_A.call(() -> residents.create(draft("孙玉珍", A)));
        long household = COMMUNITY_A.call(() -> residents.createHousehold(head, null));
        COMMUNITY_A.run(() -> residents.linkHousehold(spouse, household, "配偶"));
        Household h = COMMUNITY_A.call(() -> residents.household(household));
        assertThat(h.members()).extracting(Household.Member::name).containsExactly("赵德明", "孙玉珍");
        assertThat(h.members()).extracting(Household.Member::relation).containsExactly("HEAD", "配偶");
        long other = COMMUNITY_B.call(() -> residents.create(draft("周平", B)));
        assertThatThrownBy(() -> XUHUI.run(() -> residents.linkHousehold(other, household, "子女")))
                .isInstanceOf(ResidentNotFoundException.class);
        assertThatThrownBy(() -> COMMUNITY_B.call(() -> residents.household(household)))
                .isInstanceOf(HouseholdNotFoundException.class);
    }

    @Test
    void auditorsReadAndVolunteersNeither() {
        long rid = COMMUNITY_A.call(() -> residents.create(draft("吴美华", A)));
        Staff auditor = Staff.as(Role.AUDITOR).in("310104");
        assertThat(auditor.call(() -> residents.get(rid)).name()).isEqualTo("吴美华");
        assertThatThrownBy(() -> auditor.call(() -> residents.create(draft("x", A))))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> Staff.as(Role.VOLUNTEER).in(A).call(() -> residents.get(rid)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void listsFilterInScope() {
        String m = "筛" + System.nanoTime() % 100000;
        COMMUNITY_A.call(() -> residents.create(draft("甲" + m, A, VulnerabilityCategory.ELDERLY_ALONE)));
        COMMUNITY_B.call(() -> residents.create(draft("乙" + m, B)));
        ResidentPage a =
                COMMUNITY_A.call(() -> residents.list(ResidentFilter.none().named(m), 1, 20));
        assertThat(a.rows()).extracting(ResidentRow::name).containsExactly("甲" + m);
        ResidentPage all = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .in("310000")
                .call(() -> residents.list(ResidentFilter.none().named(m), 1, 20));
        assertThat(all.total()).isEqualTo(2);
        ResidentPage elderly = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .in("310000")
                .call(() -> residents.list(
                        ResidentFilter.none().named(m).inCategory(VulnerabilityCategory.ELDERLY_ALONE), 1, 20));
        assertThat(elderly.rows()).extracting(ResidentRow::name).containsExactly("甲" + m);
    }
}
