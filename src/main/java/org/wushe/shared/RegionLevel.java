package org.wushe.shared;

/** Administrative level of a {@link RegionCode}, derived purely from the shape of the code. */
public enum RegionLevel {
    PROVINCE,
    CITY,
    COUNTY,
    TOWNSHIP,
    VILLAGE
}
