package org.wushe.access.internal;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends the HTTP sessions of an account when what it may do changes (disabled, password reset, roles or scope
 * changed, unlocked): the roles and scope live in the session, so without this a disabled account — or one
 * narrowed to a smaller scope — kept working with what it had when it signed in. Sessions are found through
 * Spring Session JDBC's index by principal name (the username, {@code spring_session.principal_name}).
 *
 * <p>The sessions are deleted <em>after</em> the change commits: deleted before, a sign-in in between would get
 * a fresh session with the old roles that nothing would end. A request already running with the old session
 * finishes; its save finds no row and does not bring the session back.
 */
@Component
public class AccountSessions {

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the account once the current transaction commits (at once without one). */
    public void endAll(String username) {
        endAllExcept(username, null);
    }

    /** As {@link #endAll}, but keeps the session {@code keepSessionId} (the caller's own, after a password change). */
    public void endAllExcept(String username, String keepSessionId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end(username, keepSessionId);
                }
            });
        } else {
            end(username, keepSessionId);
        }
    }

    private void end(String username, String keepSessionId) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(username);
        int ended = 0;
        for (String id : found.keySet()) {
            if (!id.equals(keepSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Ended {} session(s) of account {} after a change to it", ended, username);
        }
    }

    /** The id of the session the current request runs in, if any. */
    public static Optional<String> currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.ofNullable(attributes.getRequest().getSession(false))
                    .map(HttpSession::getId);
        }
        return Optional.empty();
    }
}
