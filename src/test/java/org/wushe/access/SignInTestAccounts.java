package org.wushe.access;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Test support for sign-in tests: a station-staff account written straight to the tables (no façade, no
 * one-time password) and the login form posted as a browser would.
 */
final class SignInTestAccounts {

    /** Hashing is slow on purpose: each password is hashed once per test JVM. */
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

    private SignInTestAccounts() {}

    static String hashOf(PasswordEncoder passwords, String password) {
        return HASHES.computeIfAbsent(password, passwords::encode);
    }

    /**
     * A STATION_STAFF account with this password hash, not temporary (so no step is pending after sign-in), in
     * {@code regions}; returns its id.
     */
    static long stationStaff(
            JdbcClient jdbc, String username, String displayName, String passwordHash, String... regions) {
        long id = jdbc.sql("""
                insert into access_account (username, display_name, password_hash, password_temporary, created_by,
                    version) values (?, ?, ?, false, 'test', 1) returning id""")
                .params(username, displayName, passwordHash)
                .query(Long.class)
                .single();
        jdbc.sql("insert into access_account_role (account_id, role) values (?, 'STATION_STAFF')")
                .param(id)
                .update();
        for (String region : regions) {
            jdbc.sql("insert into access_account_scope (account_id, region_code) values (?, ?)")
                    .params(id, region)
                    .update();
        }
        return id;
    }

    /** Posts the login form (with its CSRF token), from {@code address} when it is not null. */
    static MvcTestResult signIn(MockMvcTester mvc, String username, String password, String address) {
        return mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    if (address != null) {
                        request.setRemoteAddr(address);
                    }
                    return request;
                })
                .exchange();
    }
}
