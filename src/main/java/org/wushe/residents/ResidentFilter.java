package org.wushe.residents;

import org.wushe.shared.RegionCode;

/**
 * The register's list filters; null means no filter. {@code community} is any region code (its subtree);
 * {@code voided} null or false shows live records only, true only voided ones.
 */
public record ResidentFilter(VulnerabilityCategory category, RegionCode community, RiskLevel riskLevel, String name,
        Boolean voided) {

    public static ResidentFilter none() {
        return new ResidentFilter(null, null, null, null, null);
    }
}
