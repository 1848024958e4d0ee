package org.wushe.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Without configured keys, a developer's machine gets keys once, kept owner-only and reused on every start. */
class DevelopmentKeysTests {

    @TempDir
    Path temp;

    @Test
    void generatesOwnerOnlyKeysInTheDataDirectoryAndReusesThem() throws IOException {
        Path dataDir = temp.resolve("data/postgres");
        var environment = new MockEnvironment().withProperty(CryptoConfiguration.DATA_DIR, dataDir.toString());
        var none = new CryptoProperties(Map.of(), null, null);

        KeyRing first = new CryptoConfiguration().keyRing(none, environment);
        Path file = dataDir.resolve("wushe-keys.properties");

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(first.activeKeyId()).isEqualTo("dev1");
        assertThat(first.key("dev1").orElseThrow()).hasSize(16);
        assertThat(first.indexKey()).hasSize(32);

        KeyRing second = new CryptoConfiguration().keyRing(none, environment);

        assertThat(second.key("dev1").orElseThrow()).isEqualTo(first.key("dev1").orElseThrow());
        assertThat(second.indexKey())
                .isEqualTo(first.indexKey())
                .isNotEqualTo(first.key("dev1").orElseThrow());
    }

    @Test
    void twoDataDirectoriesGetDifferentKeys() {
        KeyRing a = DevelopmentKeys.loadOrCreate(temp.resolve("a"));
        KeyRing b = DevelopmentKeys.loadOrCreate(temp.resolve("b"));
        assertThat(a.key("dev1").orElseThrow()).isNotEqualTo(b.key("dev1").orElseThrow());
    }

    @Test
    void configuredKeysLeaveTheDataDirectoryAlone() {
        var environment = new MockEnvironment().withProperty(CryptoConfiguration.DATA_DIR, temp.toString());
        new CryptoConfiguration()
                .keyRing(
                        new CryptoProperties(Map.of("k1", KeyConfigurationTests.K1), "k1", KeyConfigurationTests.INDEX),
                        environment);
        assertThat(temp.resolve(DevelopmentKeys.FILE_NAME)).doesNotExist();
    }
}
