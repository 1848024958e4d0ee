/**
 * The tamper-evident audit trail (DESIGN.md §4): every {@link org.wushe.shared.Activity} any module publishes
 * is appended to one SM3 hash chain that nothing can edit, searched and exported by auditors, and verified on
 * demand or from the command line. Nobody depends on it; it is fed by events and uses {@code access} for the
 * caller's data scope and {@code platform} for the navigation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"access", "platform"})
package org.wushe.audit;
