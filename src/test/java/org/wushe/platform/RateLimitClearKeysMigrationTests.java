package org.wushe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheIntegrationTest;

/**
 * V20261207_1200 drops the rate-limit buckets that were keyed by a phone (or ID) number in clear, and keeps the
 * others: addresses and the hashed keys that replaced the phones. Run again here on rows written the old way.
 */
@WusheIntegrationTest
class RateLimitClearKeysMigrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void bucketsKeyedByAClearPhoneOrIdNumberAreDeletedOthersKept() throws IOException {
        String hashed = HexFormat.of().formatHex(new byte[32]).replace("00", "a1");
        List<String> clear = List.of("13912345678", "+8613912345678", "310104199001011237");
        List<String> kept = List.of("10.9.8.7", "2001:db8::1", "unknown", hashed);
        for (String key : concat(clear, kept)) {
            jdbc.sql(
                            "insert into platform_rate_limit (bucket, key, window_start, hits) values ('mig-test', ?, now(), 1)")
                    .param(key)
                    .update();
        }
        String migration = new ClassPathResource("db/migration/V20261207_1200__platform_rate_limit_no_clear_phones.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        jdbc.sql(migration).update();
        assertThat(jdbc.sql("select key from platform_rate_limit where bucket = 'mig-test'")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrderElementsOf(kept);
        jdbc.sql("delete from platform_rate_limit where bucket = 'mig-test'").update();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
