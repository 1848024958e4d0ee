package org.wushe.access.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.access.Role;

/**
 * Which accounts a caller may see, decided in SQL: an account is visible when one of its scope regions lies
 * in the caller's scope (a whole-country account only to a whole-country caller) and, for a caller bound to an
 * organisation, when it belongs to that organisation. Seeing is not managing: see {@code StaffPrincipal.mayGrant}.
 */
@Repository
public class AccountQueries {

    private final JdbcClient jdbc;

    AccountQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Enabled accounts holding the role whose scope covers the region (the people to tell about it). */
    public List<Long> holdersCovering(Role role, String regionCode) {
        return jdbc.sql("""
                select a.id from access_account a
                join access_account_role r on r.account_id = a.id and r.role = :role
                where a.enabled and (a.whole_country or exists (
                    select 1 from access_account_scope s where s.account_id = a.id
                    and :code >= region_prefix(s.region_code) and :code < region_upper(s.region_code)))
                order by a.id""")
                .param("role", role.name())
                .param("code", regionCode)
                .query(Long.class)
                .list();
    }

    /** Display names by username, for the usernames that name an account. */
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (usernames.isEmpty()) {
            return names;
        }
        jdbc.sql("select username, display_name from access_account where username = any(?)")
                .param(usernames.stream().distinct().toArray(String[]::new))
                .query(rs -> {
                    names.put(rs.getString("username"), rs.getString("display_name"));
                });
        return names;
    }

    /** Display names by account id, for the ids that name an account. */
    public Map<Long, String> displayNamesById(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        Long[] wanted = ids.stream().filter(Objects::nonNull).distinct().toArray(Long[]::new);
        if (wanted.length == 0) {
            return names;
        }
        jdbc.sql("select id, display_name from access_account where id = any(?)")
                .param(wanted)
                .query(rs -> {
                    names.put(rs.getLong("id"), rs.getString("display_name"));
                });
        return names;
    }

    public List<Long> visibleIds(DataScope scope, String search, long offset, int limit) {
        var predicate = scope.regionPredicate("s.region_code");
        return jdbc.sql("select a.id from access_account a where " + visible(scope, predicate.sql())
                        + " and (cast(:search as text) is null or a.username like :search or a.display_name like :search)"
                        + " order by a.username offset :offset limit :limit")
                .params(predicate.params())
                .params(organisation(scope))
                .param("search", search == null || search.isBlank() ? null : "%" + search.strip() + "%")
                .param("offset", offset)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    public long countVisible(DataScope scope, String search) {
        var predicate = scope.regionPredicate("s.region_code");
        return jdbc.sql(
                        "select count(*) from access_account a where " + visible(scope, predicate.sql())
                                + " and (cast(:search as text) is null or a.username like :search or a.display_name like :search)")
                .params(predicate.params())
                .params(organisation(scope))
                .param("search", search == null || search.isBlank() ? null : "%" + search.strip() + "%")
                .query(Long.class)
                .single();
    }

    public boolean isVisible(DataScope scope, long id) {
        var predicate = scope.regionPredicate("s.region_code");
        return jdbc.sql("select exists (select 1 from access_account a where a.id = :id and "
                        + visible(scope, predicate.sql()) + ")")
                .params(predicate.params())
                .params(organisation(scope))
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    public boolean any() {
        return jdbc.sql("select exists (select 1 from access_account)")
                .query(Boolean.class)
                .single();
    }

    public Optional<Long> idOf(String username) {
        return jdbc.sql("select id from access_account where username = ?")
                .param(username)
                .query(Long.class)
                .optional();
    }

    private static String visible(DataScope scope, String regionPredicate) {
        String inRegion =
                "exists (select 1 from access_account_scope s where s.account_id = a.id and " + regionPredicate + ")";
        String regions = scope.wholeCountry() ? "true" : "(not a.whole_country and " + inRegion + ")";
        return scope.organisationId().isEmpty() ? regions : "(" + regions + " and a.organisation_id = :scope_org)";
    }

    private static Map<String, Object> organisation(DataScope scope) {
        return scope.organisationId()
                .<Map<String, Object>>map(org -> Map.of("scope_org", org))
                .orElse(Map.of());
    }
}
