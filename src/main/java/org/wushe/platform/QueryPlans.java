package org.wushe.platform;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs statements under a chosen {@code plan_cache_mode}, for the few queries where PostgreSQL's own choice
 * between a plan made for the parameters (custom) and one made once for any parameters (generic) goes wrong.
 * After five executions of a prepared statement PostgreSQL may switch to the generic plan when its estimate looks
 * no worse, and a generic plan cannot know how wide a region range is. The mode is set for the caller's
 * transaction only ({@code SET LOCAL}) and set back to {@code auto} afterwards, so nothing else in it is affected.
 */
@Component
public class QueryPlans {

    private final JdbcClient jdbc;

    QueryPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Planned for each call's parameters: for queries whose best plan depends on how many rows they select. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T custom(Supplier<T> queries) {
        return under("force_custom_plan", queries);
    }

    /** Planned once: for queries whose plan is the same whatever the parameters and costly to make. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T generic(Supplier<T> queries) {
        return under("force_generic_plan", queries);
    }

    private <T> T under(String mode, Supplier<T> queries) {
        jdbc.sql("set local plan_cache_mode = " + mode).update();
        T result = queries.get();
        // Not in a finally: after a failed statement PostgreSQL refuses every other one until the rollback, which
        // discards the SET LOCAL anyway, and a failing reset would hide the first error.
        jdbc.sql("set local plan_cache_mode = auto").update();
        return result;
    }
}
