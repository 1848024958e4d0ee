package org.wushe.access.internal;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.DataScope;
import org.wushe.access.Role;

/**
 * With no account at all, creates {@code admin} (civil-affairs admin, whole country) with a one-time password —
 * {@code WUSHE_ADMIN_PASSWORD} if given, else generated and printed once to the console — to be changed at the
 * first sign-in. Safe with two nodes starting together (advisory lock).
 */
@Component
@Order(0)
class FirstRunAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstRunAdministrator.class);

    private final AccountRepository accounts;
    private final AccountQueries queries;
    private final AccountFactory factory;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final String configuredPassword;

    FirstRunAdministrator(
            AccountRepository accounts,
            AccountQueries queries,
            AccountFactory factory,
            TransactionTemplate transaction,
            JdbcClient jdbc,
            @Value("${WUSHE_ADMIN_PASSWORD:}") String configuredPassword) {
        this.accounts = accounts;
        this.queries = queries;
        this.factory = factory;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('access_first_run'))")
                    .query()
                    .singleValue();
            if (queries.any()) {
                return;
            }
            boolean generated = configuredPassword.isBlank();
            String password = generated ? factory.temporaryPassword() : configuredPassword;
            if (!generated) {
                factory.checkPolicy(password, "admin");
            }
            accounts.save(factory.newAccount(
                    "admin", "系统管理员", null, Set.of(Role.CIVIL_AFFAIRS_ADMIN), DataScope.country(), password, "system"));
            if (generated) {
                // Printed once, to the console only: it is not kept anywhere in clear.
                System.out.println("""

                        ================================================================
                          Wushe first run: sign in as  admin  with the one-time password
                              %s
                          You will be asked to choose a new password.
                        ================================================================
                        """.formatted(password));
            }
            log.info(
                    "Created the first administrator account 'admin'{}",
                    generated
                            ? " (one-time password on the console)"
                            : " with WUSHE_ADMIN_PASSWORD (to be changed at first sign-in)");
        });
    }
}
