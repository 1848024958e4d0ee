package org.wushe.residents;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A resident's daily check-in was recorded, by the resident's link ({@code by} is {@code resident}) or by staff.
 * One a resident and day counts, however often it is repeated.
 */
public record CheckInRecorded(long residentId, String communityCode, LocalDate day, Instant at, String by) {}
