package org.wushe.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the command lines of the PostgreSQL programs and signals the running postmaster. */
final class PostgresProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private PostgresProcess() {}

    /**
     * PostgreSQL refuses to run as root. Under root (containers, CI) the program runs in a new user
     * namespace, where it is an unprivileged user that still owns the files it creates. It also runs in a
     * session of its own, so a Ctrl-C meant for Wushe does not stop the database under requests that are
     * still finishing: Wushe stops it last, on its way out.
     */
    static ProcessBuilder builder(Path binaries, String program, List<String> args) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        if (isRoot()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LD_LIBRARY_PATH", binaries.resolve("lib").toString());
        builder.environment().put("LC_ALL", "C.UTF-8");
        return builder;
    }

    /** Sends a POSIX signal (INT = fast shutdown, QUIT = immediate) to a process. */
    static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot signal PostgreSQL process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The postmaster still alive from {@code postmaster.pid}, if any. */
    static Optional<ProcessHandle> runningPostmaster(Path pgdata) {
        Path pidFile = pgdata.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String first =
                    Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(first))
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
