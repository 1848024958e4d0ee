package org.wushe.residents.verification;

/**
 * Done / total of one region under the node being looked at (a district, a street or a community).
 *
 * @param drillable whether a level below exists (false for communities)
 */
record ProgressRow(String regionCode, String name, long total, long done, boolean drillable) {

    public int percent() {
        return total == 0 ? 0 : (int) (done * 100 / total);
    }
}
