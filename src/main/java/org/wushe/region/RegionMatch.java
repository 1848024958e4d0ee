package org.wushe.region;

/** A search hit with the names of its ancestors, e.g. 上海市 / 市辖区 / 徐汇区. */
public record RegionMatch(Region region, String fullName) {}
