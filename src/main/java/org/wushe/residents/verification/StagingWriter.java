package org.wushe.residents.verification;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams validated list rows into {@code residents_verification_staging} with {@code COPY … FROM STDIN (FORMAT
 * binary)} on the import transaction's own connection: no row is held in memory, no text escaping is needed for
 * the ciphertexts, and PostgreSQL parses binary fields without conversion.
 */
final class StagingWriter implements AutoCloseable {

    static final String COPY = "copy residents_verification_staging (import_id, source_row, community_code,"
            + " id_number_index, id_number_cipher, name, phone_cipher, address, category, list_source)"
            + " from stdin (format binary)";
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final short FIELDS = 10;

    private final PGCopyOutputStream copy;
    private final DataOutputStream out;
    private final long importHigh;
    private final long importLow;
    private long rows;
    private boolean finished;

    StagingWriter(Connection connection, UUID importId) throws SQLException {
        copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, 1 << 16);
        out = new DataOutputStream(new BufferedOutputStream(copy, 1 << 16));
        importHigh = importId.getMostSignificantBits();
        importLow = importId.getLeastSignificantBits();
        try {
            out.write(SIGNATURE);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(StagedRow row) {
        try {
            out.writeShort(FIELDS);
            out.writeInt(16);
            out.writeLong(importHigh);
            out.writeLong(importLow);
            out.writeInt(4);
            out.writeInt(row.sourceRow());
            text(row.communityCode());
            bytes(row.idNumberIndex());
            bytes(row.idNumberCipher());
            text(row.name());
            bytes(row.phoneCipher());
            text(row.address());
            text(row.category());
            text(row.listSource());
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the COPY; returns the rows PostgreSQL took. */
    long finish() {
        try {
            out.writeShort(-1);
            out.flush();
            finished = true;
            long copied = copy.endCopy();
            if (copied != rows) {
                throw new IllegalStateException("COPY took " + copied + " of " + rows + " rows");
            }
            return copied;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("COPY to the staging table failed", e);
        }
    }

    private void text(String value) throws IOException {
        bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    /** Cancels an unfinished COPY so the connection can roll back. */
    @Override
    public void close() {
        if (!finished && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the transaction is rolled back anyway; the connection reports the failure there
            }
        }
    }
}
