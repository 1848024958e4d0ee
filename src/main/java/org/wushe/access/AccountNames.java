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
 * assignee): their display names, for signed-in staff, in one query. An id that names no account is left out.
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
}
