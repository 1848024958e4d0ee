package org.wushe.requests;

/** The answer to an accepted submission: {@code existing} is true when a repeated submission key found it. */
public record Submission(long id, String trackingCode, Priority priority, HelpRequestStatus status, boolean existing) {
}
