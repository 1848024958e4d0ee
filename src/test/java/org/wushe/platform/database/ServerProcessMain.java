package org.wushe.platform.database;

import java.nio.file.Path;
import java.time.Duration;

/** Runs an embedded server in a separate JVM, as the application would, so tests can kill that JVM. */
public final class ServerProcessMain {

    private ServerProcessMain() {}

    public static void main(String[] args) throws InterruptedException {
        var server = EmbeddedPostgresServer.start(
                new EmbeddedPostgresProperties(Path.of(args[0]), 0, true, false, Duration.ofSeconds(60)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
}
