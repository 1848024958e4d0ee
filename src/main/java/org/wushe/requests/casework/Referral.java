package org.wushe.requests.casework;

import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.TimelineKind;
import org.wushe.shared.InvalidValueException;

/**
 * A referral (信息传递/资源链接) of a part of a request to an organisation that can act on it: the aggregate's
 * guard. It is opened only while its request is open, answered by the organisation (accepted or rejected with a
 * reason, then completed once accepted) and withdrawn by the request's staff while it is still pending or
 * accepted. Each transition returns the new state and the timeline line that says what happened.
 */
record Referral(
        long id, long requestId, long organisationId, String organisationName, String part, ReferralStatus status) {

    static final int MAX_PART = 200;

    /** A transition's result: the referral as it now is, and the line for the request's timeline. */
    record Moved(Referral referral, HelpRequest.Entry happened) {}

    /** A new, pending referral (id 0 until stored) of {@code part} of an open request. */
    static Moved open(
            HelpRequestStatus requestStatus,
            long requestId,
            long organisationId,
            String organisationName,
            String part,
            String by) {
        if (!requestStatus.open()) {
            throw new InvalidValueException("requests.error.transition", requestStatus.name());
        }
        String what = part == null ? "" : part.strip();
        if (what.isEmpty() || what.length() > MAX_PART) {
            throw new InvalidValueException("requests.error.partRequired", MAX_PART);
        }
        Referral referral = new Referral(0, requestId, organisationId, organisationName, what, ReferralStatus.PENDING);
        return new Moved(referral, new HelpRequest.Entry(TimelineKind.REFERRED, by, true, organisationName, what));
    }

    /** The receiving organisation's answer: accept or reject a pending one, complete an accepted one. */
    Moved answer(ReferralStatus to, String note, String by) {
        return switch (to) {
            case ACCEPTED -> move(ReferralStatus.PENDING, to, TimelineKind.REFERRAL_ACCEPTED, true, note, by);
            case REJECTED -> {
                if (note == null || note.isBlank()) {
                    throw new InvalidValueException("requests.error.reasonRequired");
                }
                yield move(ReferralStatus.PENDING, to, TimelineKind.REFERRAL_REJECTED, false, note, by);
            }
            case COMPLETED -> move(ReferralStatus.ACCEPTED, to, TimelineKind.REFERRAL_COMPLETED, true, note, by);
            default -> throw new InvalidValueException("requests.error.referralState");
        };
    }

    /** The request's staff withdraw a referral no longer needed (the line is internal). */
    Moved withdraw(String by) {
        if (status.settled()) {
            throw new InvalidValueException("requests.error.referralState");
        }
        return new Moved(
                with(ReferralStatus.WITHDRAWN),
                new HelpRequest.Entry(TimelineKind.REFERRAL_WITHDRAWN, by, false, organisationName, null));
    }

    private Moved move(
            ReferralStatus from, ReferralStatus to, TimelineKind kind, boolean isPublic, String note, String by) {
        if (status != from) {
            throw new InvalidValueException("requests.error.referralState");
        }
        return new Moved(
                with(to),
                new HelpRequest.Entry(
                        kind, by, isPublic, organisationName, note == null || note.isBlank() ? null : note.strip()));
    }

    private Referral with(ReferralStatus to) {
        return new Referral(id, requestId, organisationId, organisationName, part, to);
    }
}
