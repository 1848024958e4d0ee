/**
 * Statistics for the civil-affairs bureau: an append-only ledger of services delivered, fed by the events of
 * {@code requests} and {@code residents} (through the event publication registry, so none is lost or counted
 * twice), daily roll-ups kept with it, and the figures and charts read from them within the caller's data scope
 * ({@code access}), named by {@code region}. Nobody depends on this module. As DESIGN.md allows for statistics
 * alone, its queries may read other modules' tables (directory and register counts) directly.
 *
 * <p>Sliced by feature: {@code ledger} (the listeners, the ledger and its roll-ups, the rebuild),
 * {@code dashboard} (the figures, the page, its downloads and the API), {@code reports} (the bureau's daily and
 * monthly xlsx reports, laid out by template files, reusing the dashboard's {@code Area}) and {@code workbench}
 * (the home page's panel of what needs the caller now, given to the shell as a {@code platform.HomePanel}: the
 * shell keeps the page, so no module depends on statistics).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Statistics",
        allowedDependencies = {"access", "region", "platform", "requests", "residents"})
package org.wushe.statistics;
