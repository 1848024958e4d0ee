package org.wushe.residents.register;

import org.wushe.residents.RiskLevel;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.shared.RegionCode;

/**
 * The register's list filters; null means no filter. {@code community} is any region code (its subtree);
 * {@code voided} null or false shows live records only, true only voided ones. Built with named methods:
 * {@code ResidentFilter.none().named("陈").inCategory(DIBAO)}.
 */
record ResidentFilter(
        VulnerabilityCategory category, RegionCode community, RiskLevel riskLevel, String name, Boolean voided) {

    static ResidentFilter none() {
        return new ResidentFilter(null, null, null, null, null);
    }

    ResidentFilter inCategory(VulnerabilityCategory c) {
        return new ResidentFilter(c, community, riskLevel, name, voided);
    }

    /** Residents of {@code region}'s subtree. */
    ResidentFilter in(RegionCode region) {
        return new ResidentFilter(category, region, riskLevel, name, voided);
    }

    ResidentFilter atRisk(RiskLevel level) {
        return new ResidentFilter(category, community, level, name, voided);
    }

    /** Names containing {@code part}. */
    ResidentFilter named(String part) {
        return new ResidentFilter(category, community, riskLevel, part, voided);
    }

    /** Only voided records (true), or only live ones (false or null). */
    ResidentFilter voided(Boolean onlyVoided) {
        return new ResidentFilter(category, community, riskLevel, name, onlyVoided);
    }
}
