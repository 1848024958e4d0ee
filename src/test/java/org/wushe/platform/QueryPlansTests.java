package org.wushe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;

/** The plan mode holds for the statements given, is back to auto after them, and a failure is not masked. */
@WusheIntegrationTest
class QueryPlansTests {

    @Autowired
    QueryPlans plans;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private String mode() {
        return jdbc.sql("show plan_cache_mode").query(String.class).single();
    }

    @Test
    void theModeHoldsForTheGivenStatementsOnly() {
        tx.executeWithoutResult(status -> {
            assertThat(plans.custom(this::mode)).isEqualTo("force_custom_plan");
            assertThat(mode()).isEqualTo("auto");
            assertThat(plans.generic(this::mode)).isEqualTo("force_generic_plan");
            assertThat(mode()).isEqualTo("auto");
        });
    }

    @Test
    void theFirstErrorIsTheOneReported() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> plans.generic(
                        () -> jdbc.sql("select 1 / 0").query(Integer.class).single())))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("division by zero");
    }

    @Test
    void aTransactionIsRequired() {
        assertThatThrownBy(() -> plans.custom(this::mode)).isInstanceOf(IllegalTransactionStateException.class);
    }
}
