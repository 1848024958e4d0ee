/**
 * The administrative divisions of China (GB/T 2260 down to streets and towns, communities by import)
 * and each region's epidemic control level with its history. Every other module refers to places by
 * {@link org.wushe.shared.RegionCode}; this module names them. Uses {@code shared}, the shell of
 * {@code platform}, and {@code access} for who may change what (and tells access which codes exist).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Regions",
        allowedDependencies = {"platform", "access"})
package org.wushe.region;
