package org.wushe.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.StringUtils;
import org.wushe.platform.database.DatabaseBackup;
import org.wushe.platform.database.EmbeddedPostgresProperties;

/**
 * {@code --backup=<file>} and {@code --restore=<file>}: run before (instead of) the application, because a
 * backup must work while another Wushe runs on the same data directory, and a restore must happen before the
 * application migrates a new one:
 *
 * <pre>
 * java -jar wushe.jar --backup=/backups/wushe-2026-12-07.zip
 * WUSHE_DATA_DIR=/srv/wushe/new java -jar wushe.jar --restore=/backups/wushe-2026-12-07.zip
 * </pre>
 *
 * The data directory is {@code --wushe.embedded-db.data-dir=…}, else {@code WUSHE_DATA_DIR}, else
 * {@code ./data/postgres}, as for the application. (Here, at the module's root, because {@code main} calls it.) Exit status 0 when done, 1 when it failed, 2 for an external
 * database (back that up with its own {@code pg_dump}).
 */
public final class BackupCommand {

    private static final String BACKUP = "--backup=";
    private static final String RESTORE = "--restore=";
    private static final String DATA_DIR = "--wushe.embedded-db.data-dir=";

    private BackupCommand() {}

    /** The exit status when {@code args} ask for a backup or restore (which is then done), else empty. */
    public static OptionalInt run(String[] args, Map<String, String> env, PrintStream out) {
        String backup = option(args, BACKUP);
        String restore = option(args, RESTORE);
        if (backup == null && restore == null) {
            return OptionalInt.empty();
        }
        if (option(args, "--spring.datasource.url=") != null || StringUtils.hasText(env.get("WUSHE_DB_URL"))) {
            print(out, "platform.backup.external");
            return OptionalInt.of(2);
        }
        String dir = option(args, DATA_DIR);
        Path dataDir = Path.of(dir != null ? dir : env.getOrDefault("WUSHE_DATA_DIR", "./data/postgres"));
        var properties = new EmbeddedPostgresProperties(dataDir, 0, true, false, Duration.ofSeconds(120));
        try {
            if (backup != null) {
                Path file = Path.of(backup).toAbsolutePath();
                var summary = DatabaseBackup.backup(properties, file);
                print(
                        out,
                        "platform.backup.done",
                        file,
                        summary.rows().size(),
                        summary.totalRows(),
                        summary.migrationVersion());
                print(
                        out,
                        summary.keysFile() != null ? "platform.backup.keys" : "platform.backup.noKeys",
                        summary.keysFile());
            } else {
                var summary =
                        DatabaseBackup.restore(properties, Path.of(restore).toAbsolutePath());
                print(
                        out,
                        "platform.restore.done",
                        dataDir.toAbsolutePath().normalize(),
                        summary.rows().size(),
                        summary.totalRows(),
                        summary.migrationVersion());
                print(
                        out,
                        summary.keysFile() != null ? "platform.restore.keys" : "platform.backup.noKeys",
                        summary.keysFile());
            }
            return OptionalInt.of(0);
        } catch (RuntimeException e) {
            print(out, "platform.backup.failed", e.getMessage());
            return OptionalInt.of(1);
        }
    }

    private static String option(String[] args, String prefix) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return null;
    }

    /** In Chinese, then in English, like the other commands. */
    private static void print(PrintStream out, String key, Object... args) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            out.println(messages.getMessage(key, args, locale));
        }
    }
}
