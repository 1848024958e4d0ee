package org.wushe.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The db health check answers within its bound even when the database does not answer at all: here a server that
 * accepts TCP connections and never says a word (a hung host, or a network that drops packets), which Boot's own
 * indicator would wait on for as long as the pool does.
 */
class DatabaseHealthTests {

    @Test
    void aDatabaseThatNeverAnswersIsDownWithinTheBoundAndAHangingCheckIsNotStartedAgain() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/wushe");
            pool.setUsername("wushe");
            pool.setConnectionTimeout(30_000); // Hikari's default: what made health hang in the issue
            pool.setInitializationFailTimeout(-1);
            pool.addDataSourceProperty("loginTimeout", "5"); // only so that closing the pool at the end is quick
            var health = new DatabaseHealth(
                    pool,
                    new StaticListableBeanFactory()
                            .getBeanProvider(EmbeddedDatabaseConfiguration.EmbeddedPostgresServerHandle.class),
                    Duration.ofSeconds(1));
            try {
                for (int i = 0; i < 3; i++) {
                    long began = System.nanoTime();
                    Health answer = health.health();
                    long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
                    assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(millis)
                            .as("check %d answered in %d ms", i, millis)
                            .isLessThan(1_500);
                }
            } finally {
                health.destroy();
            }
        }
    }
}
