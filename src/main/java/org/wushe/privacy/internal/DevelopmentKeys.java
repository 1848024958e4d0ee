package org.wushe.privacy.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys for a developer's machine: generated on the first start into an owner-only file in the data directory
 * and reused afterwards, so data encrypted yesterday still decrypts today. Never for production.
 */
final class DevelopmentKeys {

    static final String FILE_NAME = "wushe-keys.properties";
    static final String KEY_ID = "dev1";
    private static final Logger log = LoggerFactory.getLogger(DevelopmentKeys.class);

    private DevelopmentKeys() {}

    static KeyRing loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            log.warn(
                    "No encryption keys configured: using the development keys in {}. Production must set "
                            + "WUSHE_CRYPTO_KEYS, WUSHE_CRYPTO_ACTIVE_KEY_ID and WUSHE_CRYPTO_INDEX_KEY.",
                    file);
            warnIfReadableByOthers(file);
            String id = p.getProperty("active-key-id", "");
            return KeyRing.of(Map.of(id, p.getProperty("key." + id, "")), id, p.getProperty("index-key"));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The development keys in " + file + " are damaged: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development keys " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        SecureRandom random = new SecureRandom();
        String content = "# Wushe development keys, generated on first start. NOT for production; never commit.\n"
                + "# To keep this data when moving to configured keys: WUSHE_CRYPTO_KEYS=" + KEY_ID + ":<key." + KEY_ID
                + ">,<new id>:<new key> and WUSHE_CRYPTO_INDEX_KEY=<index-key>.\n"
                + "active-key-id=" + KEY_ID + "\n"
                + "key." + KEY_ID + "=" + randomBase64(random, 16) + "\n"
                + "index-key=" + randomBase64(random, 32) + "\n";
        // CREATE_NEW: if another process got there first, keep its keys (they may already be in use)
        try (FileChannel channel = FileChannel.open(
                        file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly());
                Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
            out.write(content);
            out.flush();
            channel.force(true);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        log.warn("Generated development encryption keys in {} (owner-only)", file);
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (isPosix()
                && !PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                        .endsWith("------")) {
            log.warn("{} is readable by other users; make it owner-only (chmod 600)", file);
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] ownerOnly() {
        return isPosix()
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }

    private static String randomBase64(SecureRandom random, int bytes) {
        byte[] key = new byte[bytes];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
