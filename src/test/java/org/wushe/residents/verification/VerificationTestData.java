package org.wushe.residents.verification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.privacy.CryptoService;
import org.wushe.region.Regions;

/**
 * Test data for verification campaigns: the demo communities of 黄浦 and 徐汇 (list rows need known communities),
 * ID numbers with a valid GB 11643 check character, register rows written with plain SQL (the register's own
 * classes belong to another part of the module), and waiting for a background import.
 */
final class VerificationTestData {

    static final Staff CITY = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("camp-city");
    static final Staff HUANGPU = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310101").named("camp-huangpu");
    /** Two communities of 黄浦区 南京东路街道 (310101002), one of 徐汇区. */
    static final String COMMUNITY_A = "310101002001";

    static final String COMMUNITY_B = "310101002002";
    static final String XUHUI_COMMUNITY = "310104003001";
    private static final int[] FACTORS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final AtomicInteger CAMPAIGNS = new AtomicInteger();

    private VerificationTestData() {}

    static void loadCommunities(Regions regions) {
        CITY.run(() -> {
            try (InputStream csv =
                    new ClassPathResource("region/demo-communities-huangpu-xuhui.csv").getInputStream()) {
                regions.importCommunities(csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The {@code n}-th ID number of a family: area 310101, a birth date and sequence that are distinct for every
     * {@code n} below 2,000,000 — distinct {@code family} values (1–9) give distinct numbers.
     */
    static String idNumber(int family, int n) {
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(n / 100);
        String body = "310101" + birth.toString().replace("-", "") + (family * 100 + n % 100);
        return body + checkCharacter(body);
    }

    static char checkCharacter(String body) {
        int weighted = 0;
        for (int i = 0; i < body.length(); i++) {
            weighted += Character.digit(body.charAt(i), 10) * FACTORS[i];
        }
        return "10X98765432".charAt(weighted % 11);
    }

    static String wrongCheck(String id) {
        return id.substring(0, 17) + (id.charAt(17) == '3' ? '4' : '3');
    }

    /** A unique campaign name for this test JVM. */
    static String campaignName(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + CAMPAIGNS.incrementAndGet();
    }

    /** A live register row with this ID number (or the existing one); its id. */
    static long registerResident(
            JdbcClient jdbc, CryptoService crypto, String name, String idNumber, String community) {
        byte[] index = crypto.blindIndex("resident_id", idNumber);
        return jdbc.sql("select id from residents_resident where id_number_index = ? and voided_at is null")
                .param(index)
                .query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql("""
                        insert into residents_resident (name, id_number_cipher, id_number_index, sex, birth_date,
                            community_code, lawful_basis, created_by)
                        values (?, ?, ?, 'FEMALE', date '1950-01-01', ?, 'STATUTORY_DUTY', 'test') returning id""")
                        .params(name, crypto.encrypt(idNumber, "residents_resident", "id_number"), index, community)
                        .query(Long.class)
                        .single());
    }

    static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static final String HEADER = "姓名,身份证号,手机号,地址,类别,来源,社区代码\n";

    /** Waits for a background import to finish (at most five minutes). */
    static ImportStatus await(Staff staff, VerificationCampaigns campaigns, UUID id) {
        return await(staff, campaigns, id, 300_000);
    }

    static ImportStatus await(Staff staff, VerificationCampaigns campaigns, UUID id, long timeoutMillis) {
        long until = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < until) {
            ImportStatus status = staff.call(() -> campaigns.importStatus(id));
            if (!status.running()) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " still running after " + timeoutMillis + " ms");
    }

    /** Creates a campaign in 黄浦 and imports {@code csv} into it; returns the campaign id. */
    static long campaignWith(VerificationCampaigns campaigns, String what, String csv) {
        long id = HUANGPU.call(() -> campaigns.create(new CampaignDraft(
                campaignName(what),
                "区民政局",
                "310101",
                LocalDate.now().plusDays(7).toString())));
        UUID importId = HUANGPU.call(() -> campaigns.startImport(id, "list.csv", csv(csv)));
        ImportStatus status = await(HUANGPU, campaigns, importId);
        if (!"DONE".equals(status.state())) {
            throw new AssertionError("import failed: " + status);
        }
        return id;
    }

    static List<String> communities() {
        return List.of(COMMUNITY_A, COMMUNITY_B);
    }
}
