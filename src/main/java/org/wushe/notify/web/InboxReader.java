package org.wushe.notify.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.access.StaffPrincipal;
import org.wushe.notify.StaffInbox;
import org.wushe.notify.StaffInbox.InboxItem;

/** The signed-in account's inbox rendered in the reader's language: what the page, the bell and the API share. */
@Component
class InboxReader {

    static final int BELL_ITEMS = 8;
    static final int PAGE_SIZE = 50;

    private final StaffInbox inbox;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    InboxReader(StaffInbox inbox, CurrentUser currentUser, MessageSource messages) {
        this.inbox = inbox;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** The caller's account; API clients and half-signed-in sessions have no inbox. */
    long accountId() {
        StaffPrincipal principal = currentUser
                .principal()
                .filter(p -> !p.roles().isEmpty() && p.accountId() > 0)
                .orElseThrow(() -> new AccessDeniedException("no inbox"));
        return principal.accountId();
    }

    long unread() {
        return inbox.unreadCount(accountId());
    }

    List<Entry> page(Long before, int limit, Locale locale) {
        return inbox.page(accountId(), before, limit).stream()
                .map(i -> entry(i, locale))
                .toList();
    }

    Optional<Entry> open(long id, Locale locale) {
        return inbox.open(accountId(), id).map(i -> entry(i, locale));
    }

    int markAllRead() {
        return inbox.markAllRead(accountId());
    }

    private Entry entry(InboxItem item, Locale locale) {
        // a key no bundle knows is shown as itself rather than breaking the page of everyone it was sent to
        String text = messages.getMessage(item.messageKey(), item.args().toArray(), item.messageKey(), locale);
        return new Entry(
                item.id(),
                text,
                item.messageKey(),
                item.args(),
                safeLink(item.link()),
                item.createdAt(),
                item.unread());
    }

    /** Only paths of this site are followed: a stored link must never send staff elsewhere. */
    static String safeLink(String link) {
        if (link == null || !link.startsWith("/") || link.startsWith("//") || link.startsWith("/\\")) {
            return null;
        }
        return link;
    }

    /** One notification as shown: its text in the reader's language, where it leads, and whether it is new. */
    record Entry(
            long id,
            String text,
            String messageKey,
            List<String> args,
            String link,
            Instant createdAt,
            boolean unread) {}
}
