package org.wushe.directory.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wushe.directory.volunteers.VolunteerTestData.code;
import static org.wushe.directory.volunteers.VolunteerTestData.idNumber;
import static org.wushe.directory.volunteers.VolunteerTestData.lastSms;
import static org.wushe.directory.volunteers.VolunteerTestData.oneTimePassword;
import static org.wushe.directory.volunteers.VolunteerTestData.phone;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.access.StaffPrincipal;
import org.wushe.directory.Skill;
import org.wushe.directory.TimeSlot;
import org.wushe.directory.VolunteerStatus;
import org.wushe.directory.WeeklySlots;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** Self-registration, review and scope of volunteers on the real database, with the SMS read from the outbox. */
@WusheIntegrationTest
class VolunteersTests {

    static final Staff HUANGPU_STATION =
            Staff.as(Role.STATION_STAFF).in("310101").named("huangpu-vol-station");
    static final Staff XUHUI_STATION = Staff.as(Role.STATION_STAFF).in("310104").named("xuhui-vol-station");

    @Autowired
    Volunteers volunteers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoService crypto;

    int address = 0;

    String nextAddress() {
        return "10.77." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
    }

    VolunteerRegistration registration(String phone, String code, String id, String region) {
        return new VolunteerRegistration(
                "张志愿",
                id,
                phone,
                code,
                List.of("DRIVING", "medical"),
                region,
                List.of(region),
                "周末全天",
                "李家属",
                "13900001111",
                Volunteers.PRIVACY_NOTICE_VERSION);
    }

    long register(String phone, String id, String region) {
        volunteers.requestCode(phone, nextAddress());
        return volunteers.register(registration(phone, code(jdbc, crypto, phone), id, region), nextAddress());
    }

    @Test
    void aVolunteerRegistersWithTheSmsCodeAndNothingIsStoredInClear() {
        String phone = phone();
        String id = idNumber();
        volunteers.requestCode(phone, nextAddress());
        String sms = lastSms(jdbc, crypto, phone);
        assertThat(sms).contains("5分钟").doesNotContain(id);
        long volunteerId =
                volunteers.register(registration(phone, code(jdbc, crypto, phone), id, "310104003"), nextAddress());

        VolunteerDetails d = XUHUI_STATION.call(() -> volunteers.get(volunteerId));
        assertThat(d.status()).isEqualTo(VolunteerStatus.PENDING);
        assertThat(d.maskedIdNumber()).isEqualTo(id.substring(0, 3) + "***********" + id.substring(14));
        assertThat(d.maskedPhone()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(d.skills()).containsExactly(Skill.DRIVING, Skill.MEDICAL);
        assertThat(d.sex()).isIn("MALE", "FEMALE");
        assertThat(d.consentVersion()).isEqualTo(Volunteers.PRIVACY_NOTICE_VERSION);
        assertThat(d.servedRegions()).containsExactly("310104003");

        String raw = jdbc.sql("select row_to_json(v)::text from directory_volunteer v where id = ?")
                .param(volunteerId)
                .query(String.class)
                .single();
        assertThat(raw).doesNotContain(id).doesNotContain(phone).doesNotContain("13900001111");
        byte[] cipher = jdbc.sql("select id_number_cipher from directory_volunteer where id = ?")
                .param(volunteerId)
                .query(byte[].class)
                .single();
        assertThat(new String(cipher, StandardCharsets.ISO_8859_1)).doesNotContain(id);
        assertThat(jdbc.sql("select count(*) from directory_phone_code where phone_index = ?")
                        .param(crypto.blindIndex("phone", phone))
                        .query(Long.class)
                        .single())
                .as("the code is used up")
                .isZero();
        assertThat(XUHUI_STATION.call(() -> volunteers.revealIdNumber(volunteerId, "核对身份")))
                .isEqualTo(id);
    }

    @Test
    void aWrongExpiredOrOverTriedCodeIsRefused() {
        String phone = phone();
        volunteers.requestCode(phone, nextAddress());
        String right = code(jdbc, crypto, phone);
        String wrong = right.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(
                        () -> volunteers.register(registration(phone, wrong, idNumber(), "310104003"), nextAddress()))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.volunteer.code.wrong");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() ->
                            volunteers.register(registration(phone, wrong, idNumber(), "310104003"), nextAddress()))
                    .isInstanceOf(InvalidValueException.class);
        }
        assertThatThrownBy(
                        () -> volunteers.register(registration(phone, right, idNumber(), "310104003"), nextAddress()))
                .as("after 5 wrong tries even the right code is refused")
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.volunteer.code.tooManyTries");

        String other = phone();
        volunteers.requestCode(other, nextAddress());
        String code = code(jdbc, crypto, other);
        jdbc.sql("update directory_phone_code set expires_at = now() - interval '1 second' where phone_index = ?")
                .param(crypto.blindIndex("phone", other))
                .update();
        assertThatThrownBy(() -> volunteers.register(registration(other, code, idNumber(), "310104003"), nextAddress()))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.volunteer.code.expired");
    }

    @Test
    void aRepeatedRegistrationOfAPendingOrRejectedOneIsMergedIntoItAndGoesBackToReview() {
        String id = idNumber();
        long first = register(phone(), id, "310104003");
        String newPhone = phone();
        assertThat(register(newPhone, id, "310104004")).as("the same record").isEqualTo(first);
        VolunteerDetails merged = XUHUI_STATION.call(() -> volunteers.get(first));
        assertThat(merged.regionCode()).isEqualTo("310104004");
        assertThat(merged.maskedPhone()).isEqualTo(newPhone.substring(0, 3) + "****" + newPhone.substring(7));
        assertThat(merged.status()).isEqualTo(VolunteerStatus.PENDING);

        XUHUI_STATION.run(() -> volunteers.reject(first, "信息不全"));
        assertThat(register(phone(), id, "310104003")).isEqualTo(first);
        VolunteerDetails again = XUHUI_STATION.call(() -> volunteers.get(first));
        assertThat(again.status()).as("back to review").isEqualTo(VolunteerStatus.PENDING);
        assertThat(again.rejectReason()).isNull();
        assertThat(again.reviewedBy()).isNull();
        assertThat(jdbc.sql("select count(*) from directory_volunteer where id_number_index = ?")
                        .param(crypto.blindIndex("id_number", id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the audit trail records activities after commit, asynchronously: wait for both merges (at most 10 s)
        long merges = 0;
        for (int i = 0; i < 100 && merges < 2; i++) {
            merges = jdbc.sql("select count(*) from audit_entry where entity_type = 'volunteer' and entity_id = ?"
                            + " and action = 'UPDATE' and reason like 'repeated registration merged%'")
                    .param(Long.toString(first))
                    .query(Long.class)
                    .single();
            if (merges < 2) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        assertThat(merges).isEqualTo(2);
    }

    @Test
    void aRepeatedRegistrationOfAnApprovedVolunteerIsRefusedPointingToTheirOwnPage() {
        String id = idNumber();
        long first = register(phone(), id, "310104003");
        XUHUI_STATION.call(() -> volunteers.approve(first));
        assertThatThrownBy(() -> register(phone(), id, "310101002"))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.volunteer.duplicate.activate");
        assertThat(XUHUI_STATION.call(() -> volunteers.get(first)).status()).isEqualTo(VolunteerStatus.APPROVED);
    }

    @Test
    void approvalGivesAPassportNumberAnAccountAndAnSms() {
        String phone = phone();
        long id = register(phone, idNumber(), "310104003");
        String passport = XUHUI_STATION.call(() -> volunteers.approve(id));

        assertThat(passport).matches(VolunteerTestData.PASSPORT).startsWith("WS310104");
        String digits = passport.substring(2, 16);
        assertThat(Character.getNumericValue(passport.charAt(16))).isEqualTo(VolunteerStore.luhn(digits));
        var account = jdbc.sql("select a.id, a.username from access_account a where a.username = ?")
                .param(passport.toLowerCase(Locale.ROOT))
                .query()
                .singleRow();
        assertThat(account.get("username")).isEqualTo(passport.toLowerCase(Locale.ROOT));
        assertThat(jdbc.sql("select account_id from directory_volunteer where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(((Number) account.get("id")).longValue());
        assertThat(lastSms(jdbc, crypto, phone)).contains(passport);
        assertThat(oneTimePassword(jdbc, crypto, phone)).isNotBlank();
        VolunteerDetails d = XUHUI_STATION.call(() -> volunteers.get(id));
        assertThat(d.status()).isEqualTo(VolunteerStatus.APPROVED);
        assertThat(d.passportNo()).isEqualTo(passport);
        assertThat(d.reviewedBy()).isEqualTo("xuhui-vol-station");
        assertThatThrownBy(() -> XUHUI_STATION.call(() -> volunteers.approve(id)))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.volunteer.notPending");
    }

    @Test
    void theApprovedVolunteerSeesAndEditsOnlyTheirOwnSkillsAndAvailability() {
        long id = register(phone(), idNumber(), "310104003");
        String passport = XUHUI_STATION.call(() -> volunteers.approve(id));
        long accountId = jdbc.sql("select account_id from directory_volunteer where id = ?")
                .param(id)
                .query(Long.class)
                .single();
        var principal = new StaffPrincipal(
                accountId,
                passport.toLowerCase(Locale.ROOT),
                "张志愿",
                Set.of(Role.VOLUNTEER),
                DataScope.of(List.of(RegionCode.parse("310104003"))));
        var auth = UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority("ROLE_VOLUNTEER")));
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(auth));
        try {
            assertThat(volunteers.mine().passportNo()).isEqualTo(passport);
            volunteers.updateMine(List.of("IT", "LANGUAGES"), "工作日晚上");
            VolunteerDetails mine = volunteers.mine();
            assertThat(mine.skills()).containsExactly(Skill.IT, Skill.LANGUAGES);
            assertThat(mine.availability()).isEqualTo("工作日晚上");
            volunteers.updateMine(List.of("IT"), "工作日晚上", List.of("WEDNESDAY_AFTERNOON"));
            assertThat(volunteers.mine().weeklySlots().getCells()).containsExactly("WEDNESDAY_AFTERNOON");
            volunteers.updateMine(List.of("IT"), "工作日晚上");
            assertThat(volunteers.mine().weeklySlots().getCells())
                    .as("left out = unchanged")
                    .containsExactly("WEDNESDAY_AFTERNOON");
            assertThatThrownBy(() -> volunteers.updateMine(List.of(), null, List.of("WEDNESDAY")))
                    .isInstanceOf(InvalidValueException.class);
            assertThat(volunteers.mine().skills()).as("nothing written").containsExactly(Skill.IT);
            assertThatThrownBy(() -> volunteers.updateMine(List.of("FLYING"), null))
                    .isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> volunteers.list(null)).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        assertThatThrownBy(() -> XUHUI_STATION.run(() -> volunteers.updateMine(List.of(), null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRejectionKeepsTheReasonAndTellsTheVolunteer() {
        String phone = phone();
        long id = register(phone, idNumber(), "310104003");
        assertThatThrownBy(() -> XUHUI_STATION.run(() -> volunteers.reject(id, " ")))
                .isInstanceOf(InvalidValueException.class);
        XUHUI_STATION.run(() -> volunteers.reject(id, "不在服务区域"));
        VolunteerDetails d = XUHUI_STATION.call(() -> volunteers.get(id));
        assertThat(d.status()).isEqualTo(VolunteerStatus.REJECTED);
        assertThat(d.rejectReason()).isEqualTo("不在服务区域");
        assertThat(d.passportNo()).isNull();
        assertThat(lastSms(jdbc, crypto, phone)).contains("未通过").contains("不在服务区域");
    }

    @Test
    void stationsSeeAndReviewOnlyTheirOwnDistrict() {
        long huangpu = register(phone(), idNumber(), "310101002");
        long xuhui = register(phone(), idNumber(), "310104003");

        assertThat(XUHUI_STATION.call(() -> volunteers.list(VolunteerStatus.PENDING)))
                .extracting(VolunteerRow::id)
                .contains(xuhui)
                .doesNotContain(huangpu);
        assertThat(HUANGPU_STATION.call(() -> volunteers.list(VolunteerStatus.PENDING)))
                .extracting(VolunteerRow::id)
                .contains(huangpu)
                .doesNotContain(xuhui);
        assertThatThrownBy(() -> XUHUI_STATION.call(() -> volunteers.get(huangpu)))
                .isInstanceOf(VolunteerNotFoundException.class);
        assertThatThrownBy(() -> XUHUI_STATION.call(() -> volunteers.approve(huangpu)))
                .isInstanceOf(VolunteerNotFoundException.class);
        assertThatThrownBy(() -> Staff.as(Role.SOCIAL_WORKER).in("310104").call(() -> volunteers.list(null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anUnknownRegionOrMissingConsentIsRefused() {
        String phone = phone();
        volunteers.requestCode(phone, nextAddress());
        String code = code(jdbc, crypto, phone);
        var noConsent = new VolunteerRegistration(
                "王五", idNumber(), phone, code, List.of(), "310104003", List.of(), null, null, null, null);
        assertThatThrownBy(() -> volunteers.register(noConsent, nextAddress()))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.volunteer.consent.required");
        assertThatThrownBy(() -> volunteers.register(registration(phone, code, idNumber(), "310199"), nextAddress()))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.volunteer.region.unknown");
    }

    long registerWithSlots(String region, List<String> slots) {
        String phone = phone();
        volunteers.requestCode(phone, nextAddress());
        return volunteers.register(
                new VolunteerRegistration(
                        "孙志愿",
                        idNumber(),
                        phone,
                        code(jdbc, crypto, phone),
                        List.of(),
                        region,
                        List.of(),
                        null,
                        null,
                        null,
                        Volunteers.PRIVACY_NOTICE_VERSION,
                        slots),
                nextAddress());
    }

    @Test
    void approvedVolunteersInScopeAreFoundByWeekdayAndTimeSlot() {
        long approved = registerWithSlots("310104003", List.of("MONDAY_EVENING", "saturday_morning"));
        XUHUI_STATION.call(() -> volunteers.approve(approved));
        long pending = registerWithSlots("310104003", List.of("MONDAY_EVENING"));
        long elsewhere = registerWithSlots("310101002", List.of("MONDAY_EVENING"));
        HUANGPU_STATION.call(() -> volunteers.approve(elsewhere));

        VolunteerDetails d = XUHUI_STATION.call(() -> volunteers.get(approved));
        assertThat(d.weeklySlots().getCells()).containsExactly("MONDAY_EVENING", "SATURDAY_MORNING");
        assertThat(d.weeklySlots().has(DayOfWeek.SATURDAY, TimeSlot.MORNING)).isTrue();

        List<Long> mondayEvening =
                XUHUI_STATION.call(() -> volunteers.availableOn(DayOfWeek.MONDAY, TimeSlot.EVENING)).stream()
                        .map(VolunteerRow::id)
                        .toList();
        assertThat(mondayEvening).contains(approved).doesNotContain(pending, elsewhere);
        assertThat(XUHUI_STATION.call(() -> volunteers.availableOn(DayOfWeek.MONDAY, TimeSlot.MORNING)).stream()
                        .map(VolunteerRow::id)
                        .toList())
                .doesNotContain(approved);
        assertThat(HUANGPU_STATION.call(() -> volunteers.availableOn(DayOfWeek.MONDAY, TimeSlot.EVENING)).stream()
                        .map(VolunteerRow::id)
                        .toList())
                .contains(elsewhere)
                .doesNotContain(approved);
        assertThatThrownBy(() -> Staff.as(Role.SOCIAL_WORKER)
                        .in("310104")
                        .call(() -> volunteers.availableOn(DayOfWeek.MONDAY, TimeSlot.EVENING)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anUnknownTimeSlotIsRefusedAndNothingIsWritten() {
        String id = idNumber();
        String phone = phone();
        volunteers.requestCode(phone, nextAddress());
        String code = code(jdbc, crypto, phone);
        assertThatThrownBy(() -> volunteers.register(
                        new VolunteerRegistration(
                                "周志愿",
                                id,
                                phone,
                                code,
                                List.of(),
                                "310104003",
                                List.of(),
                                null,
                                null,
                                null,
                                Volunteers.PRIVACY_NOTICE_VERSION,
                                List.of("MONDAY_NIGHT")),
                        nextAddress()))
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo("directory.volunteer.slot.unknown");
        assertThat(jdbc.sql("select count(*) from directory_volunteer where id_number_index = ?")
                        .param(crypto.blindIndex("id_number", id))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> WeeklySlots.parse(List.of("FUNDAY_MORNING")))
                .isInstanceOf(InvalidValueException.class);
        assertThat(WeeklySlots.parse(List.of("SUNDAY_EVENING")).mask()).isEqualTo(1 << 20);
    }
}
