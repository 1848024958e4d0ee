package org.wushe.access.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /** An account as a picker lists it: its display name and the first region of its scope (null: whole country). */
    public record Pickable(long id, String displayName, String regionCode) {}

    /**
     * Enabled accounts holding one of {@code roles} whose display name is like {@code namePattern}, exact names
     * first, at most {@code limit}: those whose scope covers {@code covering} when it is given (the people who may
     * serve a resident there), else those the caller may see; only {@code id} when it is given. Decided in SQL like
     * every account lookup.
     */
    public List<Pickable> pickable(
            DataScope scope,
            Collection<Role> roles,
            String covering,
            String namePattern,
            String exact,
            Long id,
            int limit) {
        var predicate = scope.regionPredicate("s.region_code");
        String where = covering != null
                ? "(a.whole_country or exists (select 1 from access_account_scope c where c.account_id = a.id"
                        + " and :code >= region_prefix(c.region_code) and :code < region_upper(c.region_code)))"
                : visible(scope, predicate.sql());
        return jdbc.sql("select a.id, a.display_name, (select min(c.region_code) from access_account_scope c"
                        + " where c.account_id = a.id) as region from access_account a where a.enabled and " + where
                        + " and exists (select 1 from access_account_role r where r.account_id = a.id"
                        + " and r.role in (:roles)) and a.display_name like :name escape '\\'"
                        + " and (cast(:id as bigint) is null or a.id = cast(:id as bigint))"
                        + " order by (a.display_name = :exact) desc, a.display_name, a.id limit :limit")
                .params(covering != null ? Map.of() : predicate.params())
                .params(covering != null ? Map.<String, Object>of() : organisation(scope))
                .param("code", covering)
                .param("roles", roles.stream().map(Role::name).toList())
                .param("name", namePattern)
                .param("exact", exact)
                .param("id", id)
                .param("limit", limit)
                .query((rs, n) -> new Pickable(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
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
