package org.wushe.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the database cannot be reached (down, restarting, no connection within the pool's 2 s), every request —
 * page, API, public write, and the session look-up that precedes them all — is answered 503 with
 * {@code Retry-After} and the short "busy" page or problem JSON of {@link ShedAnswer}, with the request id. It wraps
 * the whole chain (before Spring Session and Security), because the failure comes as often from the session filter as
 * from a controller, and the error page itself may need the database. The transaction of a write that failed this
 * way was rolled back or never began (PostgreSQL discards what a dead connection had not committed); only a
 * connection lost during COMMIT itself leaves the outcome unknown, which is why public submissions carry a
 * submission key and a repeated one returns the first answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailable extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final ShedAnswer answer;

    DatabaseUnavailable(ShedAnswer answer) {
        this.answer = answer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            Throwable cause = databaseUnreachable(e);
            if (cause == null || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "{} {} → 503, the database cannot be reached: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    cause.toString());
            response.reset();
            response.setHeader(RequestIdFilter.HEADER, RequestIdFilter.of(request));
            answer.writeUnavailable(request, response);
        }
    }

    /** The cause that says the database could not be reached, or null if the failure is something else. */
    static Throwable databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransactionSystemException tx) {
                // a rollback that failed after the real failure hides it: "Application exception overridden by
                // rollback exception"; a JDBC rollback or commit that fails at all means the connection is gone
                Throwable application =
                        tx.getApplicationException() == null ? null : databaseUnreachable(tx.getApplicationException());
                if (application != null) {
                    return application;
                }
                if (tx.getCause() instanceof SQLException) {
                    return tx.getCause();
                }
            }
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return t;
            }
            // 08: connection exception; 57P01–57P03: the server is shutting down, crashed, or still starting up
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return t;
            }
        }
        return null;
    }
}
