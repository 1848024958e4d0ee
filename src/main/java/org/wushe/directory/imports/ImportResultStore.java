package org.wushe.directory.imports;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.privacy.CryptoService;

/**
 * Keeps an import's error workbook for the importer to download (a day; older ones are dropped on save). The
 * workbook repeats rejected rows as uploaded (ID numbers and phones in clear), so it is stored encrypted.
 */
@Repository
class ImportResultStore {

    private static final String TABLE = "directory_import_result";

    private final JdbcClient jdbc;
    private final CryptoService crypto;

    ImportResultStore(JdbcClient jdbc, CryptoService crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    public UUID save(String entityType, String createdBy, byte[] content) {
        jdbc.sql("delete from directory_import_result where created_at < now() - interval '1 day'")
                .update();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into directory_import_result (id, entity_type, created_by, content) values (?, ?, ?, ?)")
                .param(id)
                .param(entityType)
                .param(createdBy)
                .param(crypto.encrypt(Base64.getEncoder().encodeToString(content), TABLE, "content"))
                .update();
        return id;
    }

    /** The workbook, only for the user who imported it. */
    public Optional<byte[]> find(UUID id, String entityType, String createdBy) {
        return jdbc.sql("select content from directory_import_result where id = ? and entity_type = ?"
                        + " and created_by = ?")
                .param(id)
                .param(entityType)
                .param(createdBy)
                .query((rs, n) -> Base64.getDecoder().decode(crypto.decrypt(rs.getBytes(1), TABLE, "content")))
                .optional();
    }
}
