package org.wushe.platform.database;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} component of {@code /actuator/health}, in place of Boot's, which waits as long as the pool does for
 * a connection: this one answers within {@code wushe.health.db-timeout} whatever the database does. The check runs
 * on a thread of its own and a check still hanging is shared, not started again, so a dead database costs one
 * thread, not one per health request. While the embedded server is known to be dead or restarting it is DOWN at once.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    private final DataSource dataSource;
    private final ObjectProvider<EmbeddedDatabaseConfiguration.EmbeddedPostgresServerHandle> embedded;
    private final Duration timeout;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "db-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Health> running;

    DatabaseHealth(
            DataSource dataSource,
            ObjectProvider<EmbeddedDatabaseConfiguration.EmbeddedPostgresServerHandle> embedded,
            @Value("${wushe.health.db-timeout:PT1S}") Duration timeout) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        var handle = embedded.getIfAvailable();
        if (handle != null && !handle.server().isAvailable()) {
            return Health.down()
                    .withDetail("database", "PostgreSQL (embedded)")
                    .withDetail("reason", "the embedded PostgreSQL died and is being restarted")
                    .build();
        }
        Future<Health> check;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = checks.submit(this::check);
            }
            check = running;
        }
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("reason", "no answer from the database within " + timeout)
                    .build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception cause ? cause : e)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private Health check() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            int seconds = (int) Math.max(1, timeout.toSeconds());
            return (connection.isValid(seconds) ? Health.up() : Health.down())
                    .withDetail("database", connection.getMetaData().getDatabaseProductName())
                    .withDetail("validationQuery", "isValid()")
                    .build();
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
