package org.wushe.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.ApiClients;
import org.wushe.access.ApiPermission;
import org.wushe.access.DataScope;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.notify.OutboxTexts;
import org.wushe.residents.verification.CampaignDraft;
import org.wushe.residents.verification.ImportStatus;
import org.wushe.residents.verification.VerificationCampaigns;
import org.wushe.shared.RegionCode;

/**
 * What a database dump would contain. The demo city is loaded (demo profile) and then the paths that handle phones
 * and ID numbers are exercised — a staff account with a phone and its audited reveal, the public intake by API and
 * by page (SMS codes, rate limits per phone, the verified phone kept in the session), a forwarded request, volunteer
 * registration and activation codes, a verification list with phones and rejected rows, and the SMS outbox sent.
 * Then every text, character, json, text-array and bytea column of every table of the public schema is searched
 * for a mainland mobile number (1[3-9] and nine digits, optionally +86) or an 18-character ID number with a valid
 * GB 11643 check character, standing alone (not inside a longer run of digits or hex, such as a hash or a region
 * code), and for the values used here, clear or masked: there must be none. Byte columns are read with their
 * non-printable bytes blanked, so a Java-serialised session attribute or a clear value in a byte column is seen,
 * while a ciphertext is not.
 */
@WusheIntegrationTest
@ActiveProfiles("demo")
class NoClearPersonalDataTests {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    /**
     * What may not stand next to a number for it to count: in text, a digit or hex letter (so a hex hash, a region
     * code or a passport number is not a phone); in bytes, where the neighbours of a serialised string are type
     * and length bytes, only a digit. PostgreSQL prefilters with these, Java extracts with the same.
     */
    private static final String TEXT_EDGE = "0-9A-Fa-f";

    private static final String BYTE_EDGE = "0-9";

    private static String phoneRegex(String edge) {
        return "(?<![" + edge + "])(?:\\+?86)?(1[3-9][0-9]{9})(?![" + edge + "])";
    }

    private static String idRegex(String edge) {
        return "(?<![" + edge + "])([0-9]{17}[0-9Xx])(?![" + edge + "])";
    }

    @Autowired
    Accounts accounts;

    @Autowired
    ApiClients apiClients;

    @Autowired
    VerificationCampaigns campaigns;

    @Autowired
    CryptoService crypto;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    List<EncryptedColumns> declared;

    @Test
    void noTableHoldsAPhoneOrIdNumberInClear() throws Exception {
        List<String> known = new ArrayList<>();
        activity(known);

        List<String> tables = jdbc.sql("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE'")
                .query(String.class)
                .list();
        assertThat(tables)
                .contains(
                        "access_account",
                        "audit_entry",
                        "event_publication",
                        "platform_rate_limit",
                        "notify_message",
                        "spring_session_attributes",
                        "residents_campaign_import");
        assertThat(jdbc.sql("select count(*) from platform_rate_limit where bucket like '%phone'")
                        .query(Long.class)
                        .single())
                .as("the per-phone limits were hit")
                .isPositive();
        assertThat(jdbc.sql("select count(*) from spring_session_attributes")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("select count(*) from notify_message where status = 'SENT'")
                        .query(Long.class)
                        .single())
                .isPositive();

        List<String> found = new ArrayList<>();
        List<String[]> columns = jdbc.sql("""
                select c.table_name, c.column_name, c.data_type from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                  and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
                       or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
                order by 1, 2""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        assertThat(columns.size()).as("columns searched").isGreaterThan(100);
        // Declared SM4 columns hold ciphertexts (KeyRotationTests decrypts every value of each) and *_index columns
        // HMAC outputs: random bytes, the bulk of the database, and escaping them for the regex took minutes in a
        // full build. They are not regex-searched but checked for what they must be, cheaply: every ciphertext an
        // envelope (version byte 1, never the first byte of a text), every index an HMAC-SM3 (32 bytes), and none
        // holding the bytes of a value used here. Every other column, bytea included (serialised session
        // attributes), is searched.
        Set<String> ciphertexts = new HashSet<>();
        declared.forEach(d -> d.columns().forEach(c -> ciphertexts.add(c.table() + "." + c.column())));
        int skipped = 0;
        for (String[] column : columns) {
            boolean cipher = ciphertexts.contains(column[0] + "." + column[1]);
            if (column[2].equals("bytea") && (cipher || column[1].endsWith("_index"))) {
                String col = "\"" + column[1] + "\"";
                String shape = cipher ? "get_byte(" + col + ", 0) <> 1" : "octet_length(" + col + ") <> 32";
                long wrong = jdbc.sql("select count(*) from \"" + column[0] + "\" where " + col + " is not null"
                                + " and (" + shape + knownBytesCondition(col, known) + ")")
                        .query(Long.class)
                        .single();
                if (wrong > 0) {
                    found.add(column[0] + "." + column[1] + ": " + wrong + " value(s) not "
                            + (cipher ? "a ciphertext" : "an HMAC") + ", or holding a value used here");
                }
                skipped++;
                continue;
            }
            String col = "\"" + column[1] + "\"";
            boolean bytes = column[2].equals("bytea");
            String edge = bytes ? BYTE_EDGE : TEXT_EDGE;
            String text =
                    bytes ? "regexp_replace(encode(" + col + ", 'escape'), '\\\\[0-7]{3}', ' ', 'g')" : col + "::text";
            List<String> values = jdbc.sql("select v from (select " + text + " as v from \"" + column[0] + "\") s"
                            + " where v ~ :phone or v ~ :id or " + knownCondition(known) + " limit 20")
                    .param("phone", phoneRegex(edge))
                    .param("id", idRegex(edge))
                    .query(String.class)
                    .list();
            for (String value : values) {
                for (String hit : hits(value, edge, known)) {
                    found.add(column[0] + "." + column[1] + ": " + hit);
                }
            }
        }
        assertThat(skipped).as("cipher and index columns checked by shape").isGreaterThan(20);
        assertThat(found).as("phone or ID numbers in clear").isEmpty();
    }

    /** The activity whose traces are searched; {@code known} collects every phone and ID number used. */
    private void activity(List<String> known) throws Exception {
        var admin = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("dumpcheck-admin");
        String staffPhone = phone("139");
        known.add(staffPhone);
        var issued = admin.call(() -> accounts.create(new NewAccount(
                "dumpcheck" + ThreadLocalRandom.current().nextInt(100_000),
                "导出检查",
                staffPhone,
                Set.of(Role.SOCIAL_WORKER),
                DataScope.of(List.of(RegionCode.parse("310104"))))));
        admin.call(() -> accounts.revealPhone(issued.accountId(), "核对联系方式"));

        // the public intake by API: a code, then the request (rate limits per phone for both)
        String resident = phone("137");
        known.add(resident);
        RequestPostProcessor ip = from("10.66.1." + ThreadLocalRandom.current().nextInt(1, 250));
        assertThat(mvc.post()
                        .uri("/api/v1/public/verification-codes")
                        .with(ip)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"" + resident + "\"}"))
                .hasStatus(HttpStatus.ACCEPTED);
        assertThat(mvc.post()
                        .uri("/api/v1/public/help-requests")
                        .with(ip)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(intakeJson(resident, code(resident), "310104003")))
                .hasStatus(HttpStatus.CREATED);

        // the page: once a request is submitted, the verified phone stays in the (database-backed) session
        String pageResident = phone("135");
        known.add(pageResident);
        assertThat(mvc.post().uri("/help/code").with(ip).with(csrf()).param("phone", pageResident))
                .hasStatusOk();
        Cookie session = mvc.post()
                .uri("/help")
                .with(ip)
                .with(csrf())
                .param("category", "OTHER")
                .param("description", "需要帮忙买菜送到家")
                .param("forWhom", "SELF")
                .param("urgency", "NORMAL")
                .param("communityCode", "310104003")
                .param("address", "天平路88号")
                .param("phone", pageResident)
                .param("code", code(pageResident))
                .param("submissionKey", UUID.randomUUID().toString())
                .exchange()
                .getResponse()
                .getCookie("SESSION");
        assertThat(session)
                .as("the submission keeps the verified phone in a session")
                .isNotNull();
        assertThat(mvc.get().uri("/help").cookie(session).with(ip))
                .hasStatusOk()
                .bodyText()
                .contains(pageResident);

        // someone types their phone into the login form's username field
        String typedAtLogin = phone("186");
        known.add(typedAtLogin);
        assertThat(mvc.post()
                        .uri("/login")
                        .with(ip)
                        .with(csrf())
                        .param("username", typedAtLogin)
                        .param("password", "Wrong-password-1"))
                .hasStatus3xxRedirection();

        // a forwarded request from an API client
        String forwarded = phone("158");
        known.add(forwarded);
        String token = admin.call(() -> apiClients.create(
                        "dump-" + ThreadLocalRandom.current().nextInt(100_000),
                        DataScope.of(List.of(RegionCode.parse("310104"))),
                        EnumSet.of(ApiPermission.HELP_REQUESTS_SUBMIT)))
                .token();
        assertThat(mvc.post()
                        .uri("/api/v1/help-requests/forwarded")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(intakeJson(forwarded, null, "310104003")))
                .hasStatus(HttpStatus.CREATED);

        // volunteer registration (code, then the registration with an ID number and an emergency contact)
        String volunteer = phone("136");
        String emergency = phone("138");
        String volunteerId = idNumber();
        known.addAll(List.of(volunteer, emergency, volunteerId));
        assertThat(mvc.post()
                        .uri("/api/v1/volunteer-registrations/codes")
                        .with(ip)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"" + volunteer + "\"}"))
                .hasStatus(HttpStatus.ACCEPTED);
        assertThat(mvc.post()
                        .uri("/api/v1/volunteer-registrations")
                        .with(ip)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name":"钱志愿","idNumber":"%s","phone":"%s","code":"%s","skills":["MEDICAL"],
                         "regionCode":"310104003","emergencyName":"钱家属","emergencyPhone":"%s",
                         "consentVersion":"2026-11-v1"}""".formatted(volunteerId, volunteer, code(volunteer), emergency)))
                .hasStatus(HttpStatus.CREATED);

        // an activation code asked for (nobody matches: the limit per phone still counts)
        String activating = phone("150");
        String activatingId = idNumber();
        known.addAll(List.of(activating, activatingId));
        assertThat(mvc.post()
                        .uri("/api/v1/volunteer-activations/codes")
                        .with(ip)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idNumber\":\"" + activatingId + "\",\"phone\":\"" + activating + "\"}"))
                .hasStatus(HttpStatus.ACCEPTED);

        // a verification list with phones, one row rejected (its error workbook repeats it as uploaded)
        String listed = phone("186");
        String listedId = idNumber();
        String rejectedId = idNumber();
        known.addAll(List.of(listed, listedId, rejectedId));
        long campaign = admin.call(() -> campaigns.create(new CampaignDraft(
                "导出检查" + UUID.randomUUID().toString().substring(0, 6),
                "区民政局",
                "310104",
                LocalDate.now().plusDays(7).toString())));
        String csv = "姓名,身份证号,手机号,地址,类别,来源,社区代码\n"
                + "甲," + listedId + "," + listed + ",天平路1号,,,310104003001\n"
                + "乙," + rejectedId + "," + listed + ",天平路2号,,,999999999999\n";
        UUID importId = admin.call(() -> campaigns.startImport(
                campaign, "list.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        await().atMost(Duration.ofMinutes(2))
                .until(() -> !admin.call(() -> campaigns.importStatus(importId)).running());
        ImportStatus imported = admin.call(() -> campaigns.importStatus(importId));
        assertThat(imported.tasksCreated()).isEqualTo(1);
        assertThat(imported.hasErrorWorkbook()).isTrue();

        // the outbox is sent (the default sender only logs) and the audit rows are written before looking
        Object dispatcher = context.getBean(Class.forName("org.wushe.notify.sms.OutboxDispatcher"));
        var dispatch = Class.forName("org.wushe.notify.sms.OutboxDispatcher").getDeclaredMethod("dispatchBatch");
        dispatch.setAccessible(true);
        while ((int) dispatch.invoke(dispatcher) > 0) {
            // until the outbox is empty
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from audit_entry where" + " action = 'REVEAL' and entity_id = ?")
                                .param(Long.toString(issued.accountId()))
                                .query(Long.class)
                                .single()
                        > 0);
    }

    private String code(String phone) {
        Matcher m = Pattern.compile("验证码是(\\d{6})").matcher(OutboxTexts.lastText(jdbc, crypto, phone));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String intakeJson(String phone, String code, String place) {
        return """
                {"category":"DIALYSIS","description":"父亲明天上午需要透析，联系电话%s","forWhom":"FAMILY",
                 "communityCode":"%s","address":"建国西路100弄3号502室","phone":"%s","code":%s,"urgency":"URGENT",
                 "answers":{"dialysisDueWithin24h":true},"submissionKey":"%s"}""".formatted(phone, place, phone, code == null ? "null" : "\"" + code + "\"", UUID.randomUUID());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Clear or masked forms of the values used here (a masked phone stored would be derived from a clear one). */
    private static String knownCondition(List<String> known) {
        StringBuilder sql = new StringBuilder("false");
        for (String value : known) {
            sql.append(" or strpos(v, '").append(value).append("') > 0");
            if (value.length() == 11) {
                sql.append(" or strpos(v, '")
                        .append(value, 0, 3)
                        .append("****")
                        .append(value.substring(7))
                        .append("') > 0");
            }
        }
        return sql.toString();
    }

    /** " or" the bytea column holds the UTF-8 bytes of one of the values used here (clear or masked). */
    private static String knownBytesCondition(String col, List<String> known) {
        StringBuilder sql = new StringBuilder();
        for (String value : known) {
            sql.append(" or position(convert_to('")
                    .append(value)
                    .append("', 'UTF8') in ")
                    .append(col)
                    .append(") > 0");
            if (value.length() == 11) {
                sql.append(" or position(convert_to('")
                        .append(value, 0, 3)
                        .append("****")
                        .append(value.substring(7))
                        .append("', 'UTF8') in ")
                        .append(col)
                        .append(") > 0");
            }
        }
        return sql.toString();
    }

    private static List<String> hits(String value, String edge, List<String> known) {
        List<String> hits = new ArrayList<>();
        Matcher phone = Pattern.compile(phoneRegex(edge)).matcher(value);
        while (phone.find()) {
            hits.add("phone " + phone.group(1));
        }
        Matcher id = Pattern.compile(idRegex(edge)).matcher(value);
        while (id.find()) {
            if (validCheck(id.group(1))) {
                hits.add("ID number " + id.group(1));
            }
        }
        for (String k : known) {
            if (value.contains(k)
                    || (k.length() == 11 && value.contains(k.substring(0, 3) + "****" + k.substring(7)))) {
                hits.add("known value " + k);
            }
        }
        return hits;
    }

    static boolean validCheck(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == CHECK.charAt(sum % 11);
    }

    private static String phone(String prefix) {
        return prefix + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String idNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String body =
                "310104" + (1960 + r.nextInt(40)) + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
                        + String.format("%03d", r.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }
}
