package org.wushe.access;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What a person calls the staff accounts a page refers to (a grid worker, a case's worker and supervisor, a task's
 * assignee, the actor of a timeline line): their display names, for signed-in staff, in one query. An id or
 * username that names no account is left out.
 *
 * <p>Not limited to the accounts the caller may list: the ids and usernames come from a record the caller was
 * already allowed to read, and a page must name the district worker who escalated a case to a community worker
 * who cannot see that account. Names only, never other account data.
 */
@Service
public class AccountNames {

    private final JdbcClient jdbc;

    AccountNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @PreAuthorize("isAuthenticated()")
    public Map<Long, String> displayNames(Collection<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        Long[] wanted = ids.stream().filter(Objects::nonNull).distinct().toArray(Long[]::new);
        if (wanted.length == 0) {
            return names;
        }
        jdbc.sql("select id, display_name from access_account where id = any (?)")
                .param(wanted)
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                .list();
        return names;
    }

    /** The same by username (what timelines record). */
    @PreAuthorize("isAuthenticated()")
    public Map<String, String> displayNamesByUsername(Collection<String> usernames) {
        Map<String, String> names = new LinkedHashMap<>();
        String[] wanted = usernames.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (wanted.length == 0) {
            return names;
        }
        jdbc.sql("select username, display_name from access_account where username = any (?)")
                .param(wanted)
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }
}
