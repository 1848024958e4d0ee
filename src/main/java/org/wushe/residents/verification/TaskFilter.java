package org.wushe.residents.verification;

/**
 * Worklist filters: campaign, region subtree, status ({@code OPEN}, {@code DONE} or an outcome name) and “only
 * the tasks assigned to me”; null or blank means no filter.
 */
public record TaskFilter(Long campaignId, String region, String status, boolean mine) {

    public static TaskFilter of(long campaignId) {
        return new TaskFilter(campaignId, null, null, false);
    }
}
