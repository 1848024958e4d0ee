package org.wushe.platform.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server (used only when no external database URL is configured).
 *
 * @param dataDir     the directory Wushe owns: PostgreSQL's cluster, its password file, lock and log
 * @param port        TCP port on 127.0.0.1; 0 picks a free one at each start
 * @param durable     fsync and synchronous commit on; only throw-away test servers turn this off
 * @param sharedInJvm keep one server per JVM across application contexts until the JVM exits (tests)
 */
@ConfigurationProperties("wushe.embedded-db")
public record EmbeddedPostgresProperties(
        @DefaultValue("./data/postgres") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("true") boolean durable,
        @DefaultValue("false") boolean sharedInJvm,
        @DefaultValue("60s") Duration startupTimeout) {}
