package org.wushe.residents.verification;

import org.wushe.platform.InvalidParameterException;
import org.wushe.shared.RegionCode;

/**
 * Worklist filters: campaign, region subtree, open or done, one outcome, and “only the tasks assigned to me”; null
 * means no filter. Built with named methods: {@code TaskFilter.of(campaign).onlyOpen()},
 * {@code TaskFilter.all().in(region).withOutcome(DIFFERS).assignedToMe()}.
 */
record TaskFilter(Long campaignId, RegionCode region, Boolean done, VerificationOutcome outcome, boolean mine) {

    static TaskFilter all() {
        return new TaskFilter(null, null, null, null, false);
    }

    static TaskFilter of(long campaignId) {
        return all().inCampaign(campaignId);
    }

    /**
     * The filter of a worklist's parameters (blank means no filter): {@code region} a region code, {@code status}
     * {@code OPEN}, {@code DONE} or an outcome's name.
     *
     * @throws InvalidParameterException naming status when it is none of these
     * @throws org.wushe.shared.InvalidValueException when the region is not a region code
     */
    static TaskFilter of(Long campaignId, String region, String status, boolean mine) {
        TaskFilter filter = new TaskFilter(
                campaignId,
                region == null || region.isBlank() ? null : RegionCode.parse(region.strip()),
                null,
                null,
                mine);
        String s = status == null ? "" : status.strip();
        if (s.isEmpty()) {
            return filter;
        }
        if (s.equals("OPEN")) {
            return filter.onlyOpen();
        }
        if (s.equals("DONE")) {
            return filter.onlyDone();
        }
        for (VerificationOutcome o : VerificationOutcome.values()) {
            if (o.name().equals(s)) {
                return filter.withOutcome(o);
            }
        }
        // anything else is the caller's mistake (400 naming status), not a 500
        throw InvalidParameterException.invalid("status");
    }

    TaskFilter inCampaign(Long campaign) {
        return new TaskFilter(campaign, region, done, outcome, mine);
    }

    TaskFilter in(RegionCode subtree) {
        return new TaskFilter(campaignId, subtree, done, outcome, mine);
    }

    TaskFilter onlyOpen() {
        return new TaskFilter(campaignId, region, false, null, mine);
    }

    TaskFilter onlyDone() {
        return new TaskFilter(campaignId, region, true, null, mine);
    }

    TaskFilter withOutcome(VerificationOutcome o) {
        return new TaskFilter(campaignId, region, null, o, mine);
    }

    /** Any status again (the counts above a filtered worklist). */
    TaskFilter anyStatus() {
        return new TaskFilter(campaignId, region, null, null, mine);
    }

    TaskFilter assignedToMe() {
        return new TaskFilter(campaignId, region, done, outcome, true);
    }

    /** The status as the worklist names it ({@code OPEN}, {@code DONE}, an outcome), or null; public for its page. */
    public String status() {
        return outcome != null ? outcome.name() : done == null ? null : done ? "DONE" : "OPEN";
    }
}
