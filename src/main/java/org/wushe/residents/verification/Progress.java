package org.wushe.residents.verification;

import java.util.List;

/**
 * A campaign's progress at one node of the region tree: the node's own totals and one row per region below it
 * that has tasks in the caller's scope; {@code parentCode} is where “up” leads (null at the campaign's region).
 */
record Progress(
        long campaignId,
        String regionCode,
        String regionName,
        String parentCode,
        long total,
        long done,
        List<ProgressRow> rows) {

    public int percent() {
        return total == 0 ? 0 : (int) (done * 100 / total);
    }
}
