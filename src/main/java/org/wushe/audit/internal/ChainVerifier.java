package org.wushe.audit.internal;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.audit.ChainVerification;

/**
 * Recomputes the chain from the first row (see {@link ChainCheck} for the rules) and compares it with every
 * anchor in this node's anchor file. Rows are streamed through a server-side cursor (a fetch size inside a
 * transaction), so millions of rows take constant memory; the anchors are read into memory (a line per
 * anchor interval while the chain grows).
 */
@Component
public class ChainVerifier {

    static final int FETCH_SIZE = 1_000;

    private final JdbcClient jdbc;
    private final ChainHash hashes;
    private final AnchorFile anchors;

    ChainVerifier(JdbcClient jdbc, ChainHash hashes, AnchorFile anchors) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.anchors = anchors;
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AnchorFile.Contents anchored = anchors.read();
        ChainCheck check = new ChainCheck(hashes, anchored.anchors(), anchored.invalidLines());
        jdbc.sql("select " + CanonicalRow.COLUMNS + ", chain_version, prev_hash, hash from audit_entry order by id")
                .withFetchSize(FETCH_SIZE)
                .query((RowCallbackHandler) rs -> check.accept(
                        CanonicalRow.read(rs),
                        rs.getInt("chain_version"),
                        rs.getBytes("prev_hash"),
                        rs.getBytes("hash")));
        return check.result();
    }
}
