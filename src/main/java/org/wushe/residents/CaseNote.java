package org.wushe.residents;

import java.time.Instant;

/** A case note (decrypted only for those allowed to read it). */
public record CaseNote(long id, CaseStage stage, String body, Instant writtenAt, String writtenBy) {
}
