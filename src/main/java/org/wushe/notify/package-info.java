/**
 * Notifications: an outbox of SMS messages written in the caller's transaction and handed by a scheduled
 * dispatcher to the {@link org.wushe.notify.MessageSender} port (the default sender only logs). Recipients are
 * stored encrypted ({@code privacy}). The staff inbox ({@link org.wushe.notify.StaffInbox}) has its bell in the page
 * header, a page and an API, for the signed-in account ({@code access}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"platform", "privacy", "access"})
package org.wushe.notify;
