package org.wushe.notify.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the bell into every page's model. It costs nothing until the layout asks for the count, so htmx
 * fragments and error pages run no query; a full page runs one indexed count (partial index on unread rows).
 */
@ControllerAdvice
class InboxBell {

    private final InboxReader reader;

    InboxBell(InboxReader reader) {
        this.reader = reader;
    }

    @ModelAttribute("inboxBell")
    Bell bell() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean staff = authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(a -> a.startsWith("ROLE_") && !a.equals("ROLE_API_CLIENT"));
        return new Bell(staff, reader);
    }

    /** {@code shown} for signed-in staff (not during a pending sign-in step); {@code unread()} queries once. */
    public static final class Bell {
        private final boolean shown;
        private final InboxReader reader;
        private Long unread;

        Bell(boolean shown, InboxReader reader) {
            this.shown = shown;
            this.reader = reader;
        }

        public boolean isShown() {
            return shown;
        }

        public long getUnread() {
            if (unread == null) {
                unread = shown ? safeCount() : 0L;
            }
            return unread;
        }

        private long safeCount() {
            try {
                return reader.unread();
            } catch (AccessDeniedException e) {
                return 0L; // a principal without an account (tests, API clients): no inbox, no bell count
            }
        }
    }
}
