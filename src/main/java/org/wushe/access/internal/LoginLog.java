package org.wushe.access.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every sign-in attempt, successful or not (MLPS 2.0 asks for a login log). */
@Repository
class LoginLog {

    private final JdbcClient jdbc;

    LoginLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String username, Long accountId, boolean success, String outcome, String clientAddress) {
        jdbc.sql("insert into access_login_log (username, account_id, success, outcome, client_address)"
                        + " values (?, ?, ?, ?, ?)")
                .params(
                        username.length() > 64 ? username.substring(0, 64) : username,
                        accountId,
                        success,
                        outcome,
                        clientAddress)
                .update();
    }
}
