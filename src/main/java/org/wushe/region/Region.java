package org.wushe.region;

import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/** One administrative division: 上海市, 徐汇区, 天平路街道, a community. */
public record Region(RegionCode code, String name, RegionLevel level, RegionCode parentCode, boolean hasChildren) {}
