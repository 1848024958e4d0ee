/**
 * The directory of the five parties of 五社联动: organisations and stations, social workers, and volunteers with
 * their self-registration — who they are, where they are and which regions they serve, scoped by the caller's
 * data scope ({@code access}), with ID numbers and phones encrypted and revealed only with a reason
 * ({@code privacy}); SMS codes and one-time passwords go out through {@code notify}. Publishes
 * {@link org.wushe.shared.Activity} events for every write, import and export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory",
        allowedDependencies = {"access", "privacy", "platform", "platform::spreadsheet", "notify", "region"})
package org.wushe.directory;
