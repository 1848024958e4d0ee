/**
 * Value objects every module uses — {@link org.wushe.shared.RegionCode}, {@link org.wushe.shared.ResidentIdNumber},
 * {@link org.wushe.shared.PhoneNumber}, {@link org.wushe.shared.CreditCode} — each validating its national
 * standard and failing with a localisable {@link org.wushe.shared.InvalidValueException}. No services, no
 * Spring beans, no utilities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared value types")
package org.wushe.shared;
