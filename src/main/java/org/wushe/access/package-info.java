/**
 * Staff accounts, roles, login and the data scope of every caller (a region subtree, and for agency roles an
 * organisation): {@link org.wushe.access.CurrentUser} tells any module who is calling and
 * {@link org.wushe.access.DataScope} turns their scope into one SQL predicate. Learns which region
 * codes exist through {@link org.wushe.access.KnownRegions} (implemented by {@code region}) and publishes
 * {@link org.wushe.shared.Activity} events for the audit trail; keeps phones encrypted through {@code privacy}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Access",
        allowedDependencies = {"platform", "privacy"})
package org.wushe.access;
