package org.wushe.requests.intake;

import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;

/** The answer to an accepted submission: {@code existing} is true when a repeated submission key found it. */
public record Submission(long id, String trackingCode, Priority priority, HelpRequestStatus status, boolean existing) {}
