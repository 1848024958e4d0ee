/**
 * The tamper-evident audit trail (DESIGN.md §4): every {@link org.wushe.shared.Activity} any module publishes
 * is appended to one keyed (HMAC-SM3) hash chain that nothing can edit, anchored in a file outside the database,
 * searched and exported by auditors, and verified on demand or from the command line. Nobody depends on it; it
 * is fed by events and uses {@code access} for the caller's data scope, {@code platform} for the navigation and
 * {@code privacy} for the chain's keyed hash (the key never leaves privacy).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"access", "platform", "privacy"})
package org.wushe.audit;
