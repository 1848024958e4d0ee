package org.wushe.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.volunteers.VolunteerRegistration;
import org.wushe.directory.volunteers.Volunteers;
import org.wushe.notify.MessageKind;
import org.wushe.notify.Notifications;
import org.wushe.notify.OutboxTexts;
import org.wushe.privacy.internal.KeyRing;
import org.wushe.region.Regions;
import org.wushe.requests.Channel;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Intake;
import org.wushe.residents.ResidentTestData;
import org.wushe.residents.register.Residents;
import org.wushe.shared.PhoneNumber;

/**
 * SM4 key rotation end to end on the shared test database: add a key, make it active, re-encrypt in batches
 * while values keep being written, drop the old key, and everything still decrypts. The nodes "with the new
 * configuration" are CryptoService instances over new key rings (the application's own keeps the development
 * key); at the end everything is moved back under the development key so the rest of the suite can read it.
 */
@WusheIntegrationTest
class KeyRotationTests {

    private static final Staff COMMUNITY =
            Staff.as(Role.COMMUNITY_STAFF).in(ResidentTestData.A).named("rotation");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<EncryptedColumns> declared;

    @Autowired
    CryptoService appCrypto;

    @Autowired
    Residents residents;

    @Autowired
    Regions regions;

    @Autowired
    Environment environment;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Volunteers volunteers;

    @Autowired
    HelpRequests helpRequests;

    @Test
    void addActivateReEncryptWhileWritingDropTheOldKeyAndEverythingStillDecrypts() throws Exception {
        ResidentTestData.communities(regions);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(COMMUNITY.call(() -> residents.create(ResidentTestData.draft("轮换测试", ResidentTestData.A))));
        }
        // values of other modules too: an SMS (notify), a volunteer with an account and emergency phone (directory,
        // access), a help request recorded by phone (requests)
        transactions.executeWithoutResult(tx -> notifications.send(
                PhoneNumber.parse(ResidentTestData.phone()), MessageKind.VOLUNTEER_REJECTED, "轮换测试短信"));
        String volunteerPhone = ResidentTestData.phone();
        volunteers.requestCode(volunteerPhone, "10.88.0.1");
        String sms = new CryptoServiceReader(jdbc, appCrypto).lastSmsTo(volunteerPhone);
        Matcher code = Pattern.compile("验证码是(\\d{6})").matcher(sms);
        assertThat(code.find()).isTrue();
        long volunteer = volunteers.register(
                new VolunteerRegistration(
                        "轮换志愿者",
                        ResidentTestData.idNumber(),
                        volunteerPhone,
                        code.group(1),
                        List.of("DRIVING"),
                        ResidentTestData.A,
                        List.of(),
                        "随时",
                        "李四",
                        ResidentTestData.phone(),
                        Volunteers.PRIVACY_NOTICE_VERSION,
                        null),
                "10.88.0.1");
        Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("rotation").call(() -> volunteers.approve(volunteer));
        Staff.as(Role.STATION_STAFF)
                .in("310104003")
                .named("rotation")
                .call(() -> helpRequests.record(
                        new Intake(
                                "EMERGENCY_MEDICAL",
                                "电话求助，情况紧急需要协助",
                                "SELF",
                                "310104003",
                                "天平路88号2单元301",
                                ResidentTestData.phone(),
                                null,
                                "URGENT",
                                Map.of("chestPain", true),
                                UUID.randomUUID().toString()),
                        Channel.HOTLINE));
        Properties dev = developmentKeys();
        String oldId = appCrypto.activeKeyId();
        String oldKey = dev.getProperty("key." + oldId);
        String indexKey = dev.getProperty("index-key");
        String newKey = randomKey();
        CryptoService both = new CryptoService(KeyRing.of(Map.of(oldId, oldKey, "k2", newKey), "k2", indexKey));
        try {
            // 1. new key active; the pass runs in batches of 7 while a node still on the old key keeps writing
            ReEncryption job = new ReEncryption(dataSource, both, declared, 7, Duration.ZERO);
            Map<Long, String> written = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger writes = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (!stop.get()) {
                    long id = ids.get(writes.getAndIncrement() % ids.size());
                    String phone = ResidentTestData.phone();
                    jdbc.sql("update residents_resident set phone_cipher = ? where id = ?")
                            .params(appCrypto.encrypt(phone, "residents_resident", "phone"), id)
                            .update();
                    written.put(id, phone);
                }
            });
            writer.start();
            ReEncryption.Result first = job.run();
            stop.set(true);
            writer.join();
            ReEncryption.Result second = job.run(); // what the old-key node wrote meanwhile

            assertThat(first.ran()).isTrue();
            // ID number and guardian phone of each (the phone may have been rewritten meanwhile: left as written)
            assertThat(first.reEncrypted()).isGreaterThanOrEqualTo(ids.size() * 2L);
            assertThat(first.unreadable()).isZero();
            assertThat(writes.get()).isPositive();
            assertThat(second.remaining()).isZero();
            // every bytea column of the database, declared or not: nothing is left under the old key
            assertThat(columnsHoldingKey(oldId)).isEmpty();

            // 2. drop the old key: every declared value decrypts, and no concurrent write was lost
            CryptoService newOnly = new CryptoService(KeyRing.of(Map.of("k2", newKey), "k2", indexKey));
            Map<String, Long> decrypted = decryptEverything(newOnly);
            assertThat(decrypted.values().stream().mapToLong(Long::longValue).sum())
                    .isGreaterThanOrEqualTo(ids.size() * 3L);
            assertThat(decrypted)
                    .containsKeys(
                            "residents_resident.id_number_cipher",
                            "notify_message.recipient_cipher",
                            "notify_message.variables_cipher",
                            "directory_volunteer.id_number_cipher",
                            "directory_volunteer.emergency_contact_phone_cipher",
                            "access_account.phone_cipher",
                            "requests_help_request.address_cipher",
                            "requests_help_request.description_cipher",
                            "requests_help_request.answers_cipher");
            written.forEach((id, phone) -> assertThat(newOnly.decrypt(
                            jdbc.sql("select phone_cipher from residents_resident where id = ?")
                                    .param(id)
                                    .query(byte[].class)
                                    .single(),
                            "residents_resident",
                            "phone"))
                    .isEqualTo(phone));
            // blind indexes do not depend on the SM4 keys
            assertThat(newOnly.blindIndex("phone", "13900000000"))
                    .isEqualTo(appCrypto.blindIndex("phone", "13900000000"));
        } finally {
            CryptoService back = new CryptoService(KeyRing.of(Map.of(oldId, oldKey, "k2", newKey), oldId, indexKey));
            assertThat(new ReEncryption(dataSource, back, declared, 500, Duration.ZERO)
                            .run()
                            .remaining())
                    .isZero();
        }
        assertThat(COMMUNITY.call(() -> residents.get(ids.get(0))).name()).isEqualTo("轮换测试");
    }

    @Test
    void onlyOneNodeReEncryptsAtATime() throws Exception {
        ReEncryption job = new ReEncryption(dataSource, appCrypto, declared, 500, Duration.ZERO);
        try (var other = dataSource.getConnection();
                var lock = other.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, ReEncryption.LOCK);
            lock.execute();
            assertThat(job.run().ran()).isFalse();
            try (var unlock = other.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, ReEncryption.LOCK);
                unlock.execute();
            }
        }
        assertThat(job.run().ran()).isTrue();
    }

    /** Decrypts every value of every declared column; "table.column" → values, for columns holding any. */
    private Map<String, Long> decryptEverything(CryptoService crypto) {
        Map<String, Long> counts = new TreeMap<>();
        for (EncryptedColumn c :
                declared.stream().flatMap(d -> d.columns().stream()).toList()) {
            for (byte[] value : jdbc.sql(
                            "select " + c.column() + " from " + c.table() + " where " + c.column() + " is not null")
                    .query(byte[].class)
                    .list()) {
                try {
                    crypto.decrypt(value, c.boundTable(), c.boundColumn());
                } catch (DecryptionException e) {
                    throw new AssertionError(c.table() + "." + c.column() + " holds a value that does not decrypt", e);
                }
                counts.merge(c.table() + "." + c.column(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The newest SMS to a phone, as the outbox stores it (found by blind index). */
    private record CryptoServiceReader(JdbcClient jdbc, CryptoService crypto) {
        String lastSmsTo(String phone) {
            return OutboxTexts.lastText(jdbc, crypto, phone);
        }
    }

    /** "table.column" of every bytea column holding a ciphertext envelope under {@code keyId}. */
    private List<String> columnsHoldingKey(String keyId) {
        List<String> found = new ArrayList<>();
        for (String[] tc : jdbc.sql("select table_name, column_name from information_schema.columns"
                        + " where table_schema = current_schema() and data_type = 'bytea'")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list()) {
            String c = tc[1];
            long count = jdbc.sql("select count(*) from " + tc[0] + " where octet_length(" + c + ") > 2 and get_byte("
                            + c + ", 0) = 1 and substring(" + c + " from 3 for get_byte(" + c + ", 1)) = ?")
                    .param(keyId.getBytes(StandardCharsets.US_ASCII))
                    .query(Long.class)
                    .single();
            if (count > 0) {
                found.add(tc[0] + "." + c + " (" + count + ")");
            }
        }
        return found;
    }

    private Properties developmentKeys() throws Exception {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(
                Path.of(environment.getProperty("wushe.embedded-db.data-dir")).resolve("wushe-keys.properties"))) {
            p.load(in);
        }
        return p;
    }

    private static String randomKey() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
