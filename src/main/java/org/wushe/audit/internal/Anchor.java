package org.wushe.audit.internal;

import java.time.Instant;

/** A chain head written outside the database: the row {@code id} had {@code hash} and was row number {@code rows}. */
record Anchor(Instant at, long id, long rows, byte[] hash) {}
