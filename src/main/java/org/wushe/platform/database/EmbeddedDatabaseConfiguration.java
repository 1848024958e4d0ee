package org.wushe.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded server and points the application's pool at it, unless an external database URL
 * ({@code WUSHE_DB_URL}, i.e. {@code spring.datasource.url}) is configured; then Boot's own
 * DataSource configuration takes over and this one stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean
    EmbeddedPostgresServerHandle embeddedPostgresServer(EmbeddedPostgresProperties properties) {
        if (!properties.sharedInJvm()) {
            return new EmbeddedPostgresServerHandle(EmbeddedPostgresServer.start(properties), true);
        }
        return new EmbeddedPostgresServerHandle(JvmSharedServers.acquire(properties), false);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServerHandle handle) {
        var server = handle.server();
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        // the application role: the owner's and the superuser's passwords never reach the pool
        dataSource.setUsername(server.appUsername());
        dataSource.setPassword(server.appPassword());
        return dataSource;
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

    /** The server as seen by one application context; it stops the server with the context unless shared. */
    record EmbeddedPostgresServerHandle(EmbeddedPostgresServer server, boolean ownedByContext)
            implements AutoCloseable {
        @Override
        public void close() {
            if (ownedByContext) {
                server.close();
            } else {
                JvmSharedServers.release(server);
            }
        }
    }
}
