package org.wushe.directory.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.directory.DirectoryTestData.marker;
import static org.wushe.directory.volunteers.VolunteerTestData.idNumber;
import static org.wushe.directory.volunteers.VolunteerTestData.lastSms;
import static org.wushe.directory.volunteers.VolunteerTestData.phone;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.ImportFiles;
import org.wushe.directory.imports.ImportSummary;
import org.wushe.platform.RateLimitExceededException;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.ResidentIdNumber;

/**
 * Self-service activation of an imported volunteer's account on the real database: the invitation SMS, the code
 * read from the outbox, sign-in afterwards; one neutral answer for every kind of mismatch; single-use, expiring
 * codes; rate limits.
 */
@WusheIntegrationTest
class VolunteerActivationTests {

    static final Staff STATION = Staff.as(Role.STATION_STAFF).in("310104003").named("tianping-activation-station");
    static final String PASSWORD = "Huzhao-2022-ok";

    @Autowired
    VolunteerActivations activations;

    @Autowired
    VolunteerImports imports;

    @Autowired
    Volunteers volunteers;

    @Autowired
    PhoneCodes codes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoService crypto;

    @Autowired
    MockMvcTester mvc;

    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10.88." + r.nextInt(256) + "." + r.nextInt(256);
    }

    /** A volunteer imported by the station (APPROVED, passport number, no account); returns their row id. */
    long imported(String name, String id, String phone) {
        ImportSummary summary = STATION.call(() -> imports.importFile(
                "名册.xlsx",
                new ByteArrayInputStream(ImportFiles.xlsx(
                        VolunteerImportTests.HEADER,
                        List.of(List.of(name, id, phone, "驾驶", "310104003", "", "", "", ""))))));
        assertThat(summary.written()).isEqualTo(1);
        return jdbc.sql("select id from directory_volunteer where id_number_index = ?")
                .param(crypto.blindIndex("id_number", id))
                .query(Long.class)
                .single();
    }

    long smsCount(String phone) {
        return jdbc.sql("select count(*) from notify_message where recipient_index = ?")
                .param(crypto.blindIndex("phone", phone))
                .query(Long.class)
                .single();
    }

    long accounts() {
        return jdbc.sql("select count(*) from access_account").query(Long.class).single();
    }

    Long accountOf(long volunteerId) {
        return jdbc.sql("select account_id from directory_volunteer where id = ?")
                .param(volunteerId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** A code for the pair as if its holder had it (the real one goes only to the phone on record). */
    String codeFor(String id, String phone) {
        return codes.issue(codes.activationKey(PhoneNumber.parse(phone), ResidentIdNumber.parse(id)), Instant.now());
    }

    String messageKey(Runnable work) {
        try {
            work.run();
        } catch (InvalidValueException e) {
            return e.messageKey();
        }
        throw new AssertionError("no InvalidValueException");
    }

    @Test
    void anImportedVolunteerIsInvitedActivatesWithTheSmsCodeSignsInAndSeesTheirPassport() {
        String m = marker();
        String id = idNumber();
        String phone = phone();
        long volunteerId = imported("导入甲" + m, id, phone);
        String passport = jdbc.sql("select passport_no from directory_volunteer where id = ?")
                .param(volunteerId)
                .query(String.class)
                .single();

        String invitation = lastSms(jdbc, crypto, phone);
        assertThat(invitation).contains(passport, "/volunteer/activate").doesNotContain(id);
        assertThat(accountOf(volunteerId)).isNull();
        assertThat(mvc.get().uri("/volunteers/" + volunteerId).with(STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains("volunteer-no-account", "未开通账号");

        activations.requestCode(id, phone, address());
        String code = VolunteerTestData.find(lastSms(jdbc, crypto, phone), "验证码是(\\d{6})");
        long before = accounts();
        String username = activations.activate(id, phone, code, PASSWORD, PASSWORD, address());

        assertThat(username).isEqualTo(passport.toLowerCase(Locale.ROOT));
        assertThat(accounts()).isEqualTo(before + 1);
        Long accountId = accountOf(volunteerId);
        assertThat(accountId).isNotNull();
        assertThat(jdbc.sql("select username || ':' || password_temporary || ':' || enabled from access_account"
                                + " where id = ?")
                        .param(accountId)
                        .query(String.class)
                        .single())
                .isEqualTo(username + ":false:true");
        assertThat(jdbc.sql("select role from access_account_role where account_id = ?")
                        .param(accountId)
                        .query(String.class)
                        .list())
                .containsExactly("VOLUNTEER");
        assertThat(jdbc.sql("select region_code from access_account_scope where account_id = ?")
                        .param(accountId)
                        .query(String.class)
                        .list())
                .containsExactly("310104003");
        assertThat(lastSms(jdbc, crypto, phone)).contains("已开通", username);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'account' and entity_id = ?"
                                    + " and action = 'CREATE' and actor = 'volunteer-self'")
                            .param(accountId.toString())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'volunteer' and entity_id = ?"
                                    + " and action = 'UPDATE' and actor = 'volunteer-self'")
                            .param(Long.toString(volunteerId))
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        });

        var signedIn = mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", PASSWORD)
                .with(csrf())
                .exchange();
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.get().uri("/volunteer/me").cookie(signedIn.getResponse().getCookie("SESSION")))
                .hasStatusOk()
                .bodyText()
                .contains(passport, "导入甲" + m);
        assertThat(mvc.get().uri("/volunteers/" + volunteerId).with(STATION.request()))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("volunteer-no-account");
    }

    @Test
    void wrongPhoneUnknownIdAlreadyActivatedAndPendingAllGetTheSameAnswerAndCreateNothing() {
        String m = marker();
        String id = idNumber();
        String phone = phone();
        long volunteerId = imported("导入乙" + m, id, phone);
        String otherPhone = phone();
        String unknownId = idNumber();

        // step 1 answers the same way, and texts nobody, when the pair does not match
        activations.requestCode(id, otherPhone, address());
        activations.requestCode(unknownId, phone, address());
        assertThat(smsCount(otherPhone)).isZero();
        assertThat(lastSms(jdbc, crypto, phone))
                .as("still the invitation")
                .contains("/volunteer/activate")
                .doesNotContain("验证码");
        // a guessed code is "wrong", never "none was sent" (that would tell the pair did not match)
        assertThat(messageKey(() -> activations.activate(id, otherPhone, "123456", PASSWORD, PASSWORD, address())))
                .isIn("directory.volunteer.code.wrong", "directory.volunteer.activate.noMatch");

        // even with a valid code for the pair, a mismatch gets the one neutral message
        String pendingPhone = phone();
        String pendingId = idNumber();
        volunteers.requestCode(pendingPhone, address());
        long pending = volunteers.register(
                new VolunteerRegistration(
                        "待审" + m,
                        pendingId,
                        pendingPhone,
                        VolunteerTestData.code(jdbc, crypto, pendingPhone),
                        List.of(),
                        "310104003",
                        List.of(),
                        null,
                        null,
                        null,
                        Volunteers.PRIVACY_NOTICE_VERSION),
                address());
        long before = accounts();
        for (String[] pair : List.of(
                new String[] {id, otherPhone}, new String[] {unknownId, phone}, new String[] {pendingId, pendingPhone
                })) {
            String code = codeFor(pair[0], pair[1]);
            assertThat(messageKey(() -> activations.activate(pair[0], pair[1], code, PASSWORD, PASSWORD, address())))
                    .as(pair[0] + " / " + pair[1])
                    .isEqualTo(VolunteerActivations.NO_MATCH);
        }
        assertThat(accounts()).isEqualTo(before);
        assertThat(accountOf(volunteerId)).isNull();
        assertThat(accountOf(pending)).isNull();

        // activated once; a second activation of the same volunteer is refused the same way
        activations.activate(id, phone, codeFor(id, phone), PASSWORD, PASSWORD, address());
        long afterFirst = accounts();
        long texts = smsCount(phone);
        activations.requestCode(id, phone, address());
        assertThat(smsCount(phone))
                .as("no code for a volunteer who has an account")
                .isEqualTo(texts);
        String again = codeFor(id, phone);
        assertThat(messageKey(() -> activations.activate(id, phone, again, PASSWORD, PASSWORD, address())))
                .isEqualTo(VolunteerActivations.NO_MATCH);
        assertThat(accounts()).isEqualTo(afterFirst);

        // the page says the same for a match and a mismatch
        for (String p : List.of(phone, otherPhone)) {
            assertThat(mvc.post()
                            .uri("/volunteer/activate/code")
                            .param("idNumber", id)
                            .param("phone", p)
                            .with(csrf())
                            .with(r -> {
                                r.setRemoteAddr(address());
                                return r;
                            }))
                    .hasStatusOk()
                    .bodyText()
                    .contains("activate-code-sent", "如果身份证号和手机号与志愿者名册一致")
                    .doesNotContain("activate-error");
        }
    }

    @Test
    void theCodeIsSingleUseExpiresAndSurvivesAWeakPassword() {
        String m = marker();
        String id = idNumber();
        String phone = phone();
        long volunteerId = imported("导入丙" + m, id, phone);

        activations.requestCode(id, phone, address());
        String expiring = VolunteerTestData.find(lastSms(jdbc, crypto, phone), "验证码是(\\d{6})");
        jdbc.sql("update directory_phone_code set expires_at = now() - interval '1 second' where phone_index = ?")
                .param(codes.activationKey(PhoneNumber.parse(phone), ResidentIdNumber.parse(id)))
                .update();
        assertThat(messageKey(() -> activations.activate(id, phone, expiring, PASSWORD, PASSWORD, address())))
                .isEqualTo("directory.volunteer.code.expired");
        assertThat(accountOf(volunteerId)).isNull();

        activations.requestCode(id, phone, address());
        String code = VolunteerTestData.find(lastSms(jdbc, crypto, phone), "验证码是(\\d{6})");
        String wrong = code.equals("000000") ? "000001" : "000000";
        assertThat(messageKey(() -> activations.activate(id, phone, wrong, PASSWORD, PASSWORD, address())))
                .isEqualTo("directory.volunteer.code.wrong");
        assertThat(messageKey(() -> activations.activate(id, phone, code, "short", "short", address())))
                .isEqualTo("access.password.length");
        assertThat(messageKey(() -> activations.activate(id, phone, code, PASSWORD, PASSWORD + "x", address())))
                .isEqualTo("directory.volunteer.activate.confirmation");
        assertThat(accountOf(volunteerId)).isNull();

        activations.activate(id, phone, code, PASSWORD, PASSWORD, address());
        assertThat(accountOf(volunteerId)).isNotNull();
        assertThat(messageKey(() -> activations.activate(id, phone, code, PASSWORD, PASSWORD, address())))
                .as("used once")
                .isEqualTo("directory.volunteer.code.expired");
    }

    @Test
    void codesAreRateLimitedPerPhone() {
        String id = idNumber();
        String phone = phone();
        for (int i = 0; i < VolunteerActivations.CODES_PER_PHONE_PER_HOUR; i++) {
            activations.requestCode(id, phone, address());
        }
        assertThatThrownBy(() -> activations.requestCode(id, phone, address()))
                .isInstanceOf(RateLimitExceededException.class);
        assertThat(mvc.post()
                        .uri("/api/v1/volunteer-activations/codes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idNumber\":\"" + id + "\",\"phone\":\"" + phone + "\"}"))
                .hasStatus(429);
    }

    @Test
    void theJsonApiActivatesAndAnswersAMismatchWithTheNeutralMessage() {
        String m = marker();
        String id = idNumber();
        String phone = phone();
        long volunteerId = imported("导入丁" + m, id, phone);
        assertThat(mvc.post()
                        .uri("/api/v1/volunteer-activations/codes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idNumber\":\"" + id + "\",\"phone\":\"" + phone() + "\"}"))
                .hasStatus(202);
        assertThat(mvc.post()
                        .uri("/api/v1/volunteer-activations/codes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idNumber\":\"" + id + "\",\"phone\":\"" + phone + "\"}"))
                .hasStatus(202);
        String code = VolunteerTestData.find(lastSms(jdbc, crypto, phone), "验证码是(\\d{6})");
        String unknownId = idNumber();
        assertThat(mvc.post()
                        .uri("/api/v1/volunteer-activations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idNumber\":\"" + unknownId + "\",\"phone\":\"" + phone + "\",\"code\":\""
                                + codeFor(unknownId, phone) + "\",\"password\":\"" + PASSWORD + "\"}"))
                .hasStatus(400)
                .bodyText()
                .contains("未能开通账号");
        assertThat(mvc.post()
                        .uri("/api/v1/volunteer-activations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idNumber\":\"" + id + "\",\"phone\":\"" + phone + "\",\"code\":\"" + code
                                + "\",\"password\":\"" + PASSWORD + "\"}"))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.username")
                .asString()
                .startsWith("ws310104");
        assertThat(accountOf(volunteerId)).isNotNull();
    }
}
