/**
 * The directory of the five parties of 五社联动: organisations and stations, social workers, and volunteers with
 * their self-registration — who they are, where they are and which regions they serve, scoped by the caller's
 * data scope ({@code access}), with ID numbers and phones encrypted and revealed only with a reason
 * ({@code privacy}); SMS codes and one-time passwords go out through {@code notify}. Publishes
 * {@link org.wushe.shared.Activity} events for every write, import and export.
 * <p>
 * The root holds the vocabulary ({@link org.wushe.directory.OrgType}, {@link org.wushe.directory.Qualification},
 * {@link org.wushe.directory.Specialty}, {@link org.wushe.directory.Skill}, {@link org.wushe.directory.WeeklySlots},
 * the statuses) and {@link org.wushe.directory.DispatchCandidates}, which {@code requests} reads. Each feature is a
 * slice: {@code organisations}, {@code socialworkers}, {@code volunteers}, the import jobs they share
 * ({@code imports}) and the demo city ({@code demo}). The social workers' façade is the named interface
 * {@code directory::socialworkers} ({@code residents} checks and notifies the worker of a resident).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Directory",
        allowedDependencies = {"access", "privacy", "platform", "platform::spreadsheet", "notify", "region"})
package org.wushe.directory;
