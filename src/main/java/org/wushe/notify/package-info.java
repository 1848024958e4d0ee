/**
 * Notifications: an outbox of SMS messages written in the caller's transaction and handed by a scheduled
 * dispatcher to the {@link org.wushe.notify.MessageSender} port (the default sender only logs). Recipients are
 * stored encrypted ({@code privacy}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"platform", "privacy"})
package org.wushe.notify;
