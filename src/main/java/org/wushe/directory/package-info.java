/**
 * The directory of the five parties of 五社联动: organisations and stations now (social workers and volunteers
 * later) — who they are, where they are and which regions they serve, scoped by the caller's data scope
 * ({@code access}), with contact phones encrypted and revealed only with a reason ({@code privacy}).
 * Publishes {@link org.wushe.shared.Activity} events for every write and export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory",
        allowedDependencies = {"access", "privacy", "platform", "notify"})
package org.wushe.directory;
