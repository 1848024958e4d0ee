package org.wushe.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheApplication;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.audit.AuditTrail;
import org.wushe.audit.ChainVerification;
import org.wushe.platform.BackupCommand;
import org.wushe.region.Regions;
import org.wushe.residents.ResidentTestData;
import org.wushe.residents.register.Residents;

/**
 * {@code --backup} while the application runs on the data directory (this test JVM's server), then
 * {@code --restore} into a fresh data directory, and a second application started on it: the audit chain
 * verifies, and a resident's ID number decrypts with the keys that came with the backup.
 */
@WusheIntegrationTest
class BackupRestoreTests {

    private static final Staff COMMUNITY_A =
            Staff.as(Role.COMMUNITY_STAFF).in(ResidentTestData.A).named("backup-test");

    @TempDir
    Path backups;

    @TempDir
    Path restoredParent;

    @Autowired
    Residents residents;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgresProperties database;

    @Test
    void aBackupTakenWhileRunningRestoresIntoAFreshDirectoryWithAnIntactChainAndReadablePersonalData()
            throws Exception {
        ResidentTestData.communities(regions);
        String idNumber = ResidentTestData.idNumber();
        long resident =
                COMMUNITY_A.call(() -> residents.create(ResidentTestData.draft("备份测试", idNumber, ResidentTestData.A)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from audit_pending")
                                .query(Long.class)
                                .single()
                        == 0);
        long auditRows =
                jdbc.sql("select count(*) from audit_entry").query(Long.class).single();

        Path file = backups.resolve("wushe.zip");
        var printed = new ByteArrayOutputStream();
        int backedUp = BackupCommand.run(
                        new String[] {"--backup=" + file, "--wushe.embedded-db.data-dir=" + database.dataDir()},
                        Map.of(),
                        new PrintStream(printed, true, StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(backedUp).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("备份已写入", "Backup written to");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(DatabaseBackup.keysFileOf(file)).exists();

        Path restored = restoredParent.resolve("restored");
        printed.reset();
        int restoredStatus = BackupCommand.run(
                        new String[] {"--restore=" + file, "--wushe.embedded-db.data-dir=" + restored},
                        Map.of(),
                        new PrintStream(printed, true, StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(restoredStatus).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("已恢复到", "Restored into");
        assertThat(restored.resolve(DatabaseBackup.KEYS_FILE)).exists();

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(WusheApplication.class)
                .run(
                        "--wushe.embedded-db.data-dir=" + restored,
                        "--wushe.embedded-db.shared-in-jvm=false",
                        "--server.port=0")) {
            ChainVerification chain =
                    Staff.as(Role.AUDITOR).wholeCountry().call(second.getBean(AuditTrail.class)::verify);
            assertThat(chain.ok()).as("%s", chain).isTrue();
            assertThat(chain.rowsChecked()).isGreaterThanOrEqualTo(auditRows);
            Residents restoredResidents = second.getBean(Residents.class);
            assertThat(COMMUNITY_A.call(
                            () -> restoredResidents.reveal(resident, Residents.RevealableField.ID_NUMBER, "恢复后核对")))
                    .isEqualTo(idNumber);
            JdbcClient restoredJdbc = second.getBean(JdbcClient.class);
            assertThat(restoredJdbc
                            .sql("select current_user")
                            .query(String.class)
                            .single())
                    .isEqualTo(ClusterRoles.APP);
            assertThat(restoredJdbc
                            .sql("select has_table_privilege('audit_entry', 'UPDATE')")
                            .query(Boolean.class)
                            .single())
                    .isFalse();
        }
        assertThat(Files.exists(restored.resolve("pgdata/PG_VERSION"))).isTrue();
    }

    @Test
    void aRestoreNeverOverwritesADatabase() {
        var printed = new ByteArrayOutputStream();
        int status = BackupCommand.run(
                        new String[] {
                            "--restore=" + backups.resolve("none.zip"),
                            "--wushe.embedded-db.data-dir=" + database.dataDir()
                        },
                        Map.of(),
                        new PrintStream(printed, true, StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(status).isOne();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("already holds a database");
    }

    @Test
    void aRestoreRefusesADirectoryThatIsNotEmptyAndTouchesNothingInIt() throws Exception {
        Path occupied = Files.createDirectories(restoredParent.resolve("occupied"));
        Path note = Files.writeString(occupied.resolve("notes.txt"), "someone's files");
        var printed = new ByteArrayOutputStream();
        int status = BackupCommand.run(
                        new String[] {
                            "--restore=" + tinyBackup(backups.resolve("tiny.zip")),
                            "--wushe.embedded-db.data-dir=" + occupied
                        },
                        Map.of(),
                        new PrintStream(printed, true, StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(status).as(printed.toString(StandardCharsets.UTF_8)).isOne();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("is not empty");
        assertThat(Files.list(occupied).toList()).containsExactly(note);
    }

    /**
     * A restore that fails after it created the cluster (here: the backup lists a table its migration version
     * does not have) leaves no migrated, empty database behind, which a start would take for a new installation,
     * and the same directory takes the next restore.
     */
    @Test
    void aFailedRestoreLeavesNoHalfWrittenDatabaseBehind() throws Exception {
        Path restored = restoredParent.resolve("failed");
        var printed = new ByteArrayOutputStream();
        int status = BackupCommand.run(
                        new String[] {
                            "--restore=" + tinyBackup(backups.resolve("broken.zip")),
                            "--wushe.embedded-db.data-dir=" + restored
                        },
                        Map.of(),
                        new PrintStream(printed, true, StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(status).as(printed.toString(StandardCharsets.UTF_8)).isOne();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("The restore failed", "is empty again");
        assertThat(restored).doesNotExist();
    }

    /** A backup of the first migration's schema that lists a table no migration up to it creates. */
    private static Path tinyBackup(Path file) throws Exception {
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(DatabaseBackup.MANIFEST));
            zip.write(("format=1\nmigration-version=20261129.0200\ntables=no_such_table\nrows.no_such_table=0\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("data/no_such_table.copy"));
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void aBackupOfADirectoryWithoutADatabaseSaysSoAndCreatesNone() {
        Path mistyped = restoredParent.resolve("no-such-data-dir");
        var printed = new ByteArrayOutputStream();
        int status = BackupCommand.run(
                        new String[] {
                            "--backup=" + backups.resolve("nothing.zip"), "--wushe.embedded-db.data-dir=" + mistyped
                        },
                        Map.of(),
                        new PrintStream(printed, true, StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(status).as(printed.toString(StandardCharsets.UTF_8)).isOne();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("No database in");
        assertThat(mistyped).doesNotExist();
        assertThat(backups.resolve("nothing.zip")).doesNotExist();
    }

    @Test
    void anExternalDatabaseIsLeftToItsOwnTools() {
        var printed = new ByteArrayOutputStream();
        int status = BackupCommand.run(
                        new String[] {"--backup=x.zip"},
                        Map.of("WUSHE_DB_URL", "jdbc:postgresql://db/wushe"),
                        new PrintStream(printed, true, StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(status).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("pg_dump");
    }
}
