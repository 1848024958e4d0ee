package org.wushe.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Migrations run as the owner role on a connection of their own; the application's pool logs in as the
 * application role and never sees the owner's password. Embedded: the two roles of {@link ClusterRoles}.
 * External ({@code WUSHE_DB_URL}): the owner is {@code WUSHE_DB_OWNER_USER}/{@code WUSHE_DB_OWNER_PASSWORD}
 * ({@code wushe.db.owner-user}/{@code owner-password}) and the application role {@code WUSHE_DB_USER}; without an
 * owner, everything runs as the one role, as before, with a warning.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRolesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRolesConfiguration.class);

    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(
            ObjectProvider<EmbeddedDatabaseConfiguration.EmbeddedPostgresServerHandle> embedded, Environment env) {
        return configuration -> {
            var handle = embedded.getIfAvailable();
            if (handle != null) {
                var server = handle.server();
                configuration.dataSource(server.jdbcUrl(), server.ownerUsername(), server.ownerPassword());
                return;
            }
            String owner = env.getProperty("wushe.db.owner-user");
            if (StringUtils.hasText(owner)) {
                String url = env.getProperty("spring.flyway.url", env.getProperty("spring.datasource.url"));
                configuration.dataSource(url, owner, env.getProperty("wushe.db.owner-password"));
            } else if (!StringUtils.hasText(env.getProperty("spring.flyway.user"))) {
                log.warn(
                        "WUSHE_DB_OWNER_USER is not set: the migrations run as the application's role {}, which"
                                + " then owns the tables and can switch the audit trail's protection off. Create an owner"
                                + " and an application role (operations guide, \"Database roles\").",
                        env.getProperty("spring.datasource.username"));
            }
        };
    }

    @Bean
    ApplicationRoleGrants applicationRoleGrants(
            ObjectProvider<EmbeddedDatabaseConfiguration.EmbeddedPostgresServerHandle> embedded, Environment env) {
        var handle = embedded.getIfAvailable();
        if (handle != null) {
            return new ApplicationRoleGrants(handle.server().appUsername());
        }
        String owner = env.getProperty("wushe.db.owner-user", env.getProperty("spring.flyway.user", ""));
        String app = env.getProperty("spring.datasource.username", "");
        // One role for both: nothing to grant (and the warning above has been given).
        return new ApplicationRoleGrants(
                StringUtils.hasText(owner) && StringUtils.hasText(app) && !owner.equals(app) ? app : null);
    }
}
