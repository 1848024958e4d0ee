package org.wushe.residents.cases;

import java.time.Instant;

/** A case note (decrypted only for those allowed to read it). */
record CaseNote(long id, CaseStage stage, String body, Instant writtenAt, String writtenBy) {}
