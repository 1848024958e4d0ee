package org.wushe.directory.organisations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.directory.OrgType;
import org.wushe.directory.OrganisationStatus;
import org.wushe.platform.SqlLike;
import org.wushe.shared.InvalidValueException;

/**
 * Which organisations a caller may see, decided in SQL by the organisation's own region against the caller's
 * data scope ({@link DataScope#regionPredicate}); the list filters are added to the same statement.
 */
@Repository
public class OrganisationQueries {

    private static final String COLUMNS = "o.id, o.type, o.name, o.credit_code, o.region_code, o.address,"
            + " o.contact_person, o.public_phone, o.status, o.verified_at";

    private final JdbcClient jdbc;

    OrganisationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OrganisationRow> page(DataScope scope, OrganisationFilter filter, long offset, int limit) {
        Where where = where(scope, filter);
        return jdbc.sql("select " + COLUMNS + " from directory_organisation o where " + where.sql
                        + " order by o.region_code, o.name, o.id offset :offset limit :limit")
                .params(where.params)
                .param("offset", offset)
                .param("limit", limit)
                .query(OrganisationQueries::row)
                .list();
    }

    /** Counts matching rows, stopping at {@code limit}. */
    public long count(DataScope scope, OrganisationFilter filter, long limit) {
        Where where = where(scope, filter);
        return jdbc.sql("select count(*) from (select 1 from directory_organisation o where " + where.sql
                        + " limit :limit) t")
                .params(where.params)
                .param("limit", limit)
                .query(Long.class)
                .single();
    }

    /** Streams every matching row to {@code sink}, in list order; returns how many. */
    public long forEach(DataScope scope, OrganisationFilter filter, Consumer<OrganisationRow> sink) {
        Where where = where(scope, filter);
        long[] n = {0};
        jdbc.sql("select " + COLUMNS + " from directory_organisation o where " + where.sql
                        + " order by o.region_code, o.name, o.id")
                .params(where.params)
                .query(rs -> {
                    sink.accept(row(rs, 0));
                    n[0]++;
                });
        return n[0];
    }

    public boolean isVisible(DataScope scope, long id) {
        var predicate = scope.regionPredicate("o.region_code");
        return jdbc.sql("select exists (select 1 from directory_organisation o where o.id = :id and " + predicate.sql()
                        + ")")
                .params(predicate.params())
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    public Optional<String> nameOf(long id) {
        return jdbc.sql("select name from directory_organisation where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** The names of these organisations by id, in one query (an id that names none is left out). */
    public Map<Long, String> namesOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("select id, name from directory_organisation where id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    names.put(rs.getLong("id"), rs.getString("name"));
                });
        return names;
    }

    public Optional<Long> idOfCreditCode(String creditCode) {
        return jdbc.sql("select id from directory_organisation where credit_code = ?")
                .param(creditCode)
                .query(Long.class)
                .optional();
    }

    /** The organisations in scope whose credit code or exact name is {@code value} (for import rows). */
    public List<Long> organisationsNamed(DataScope scope, String value) {
        var predicate = scope.regionPredicate("o.region_code");
        return jdbc.sql("select o.id from directory_organisation o where (o.credit_code = :v or o.name = :v) and "
                        + predicate.sql() + " order by o.id limit 2")
                .params(predicate.params())
                .param("v", value)
                .query(Long.class)
                .list();
    }

    /**
     * For one import run: the organisation a cell names by credit code or exact name in {@code scope}, each value
     * looked up once; an unknown or ambiguous one is refused with the import's message.
     */
    public Function<String, Long> namedIn(DataScope scope) {
        Map<String, Object> found = new HashMap<>();
        return value -> {
            Object id = found.computeIfAbsent(value, v -> {
                List<Long> ids = organisationsNamed(scope, v);
                return ids.size() == 1
                        ? ids.get(0)
                        : new InvalidValueException(
                                ids.isEmpty()
                                        ? "directory.import.organisation.unknown"
                                        : "directory.import.organisation.ambiguous",
                                v);
            });
            if (id instanceof InvalidValueException e) {
                throw e;
            }
            return (Long) id;
        };
    }

    /**
     * For the picker: organisations in scope whose name contains {@code text} (or whose id it is), the exact name
     * first, then the shortest names; at most {@code limit}.
     */
    public List<OrganisationRow> search(DataScope scope, String text, int limit) {
        var predicate = scope.regionPredicate("o.region_code");
        Long id = text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
        return jdbc.sql("select " + COLUMNS + " from directory_organisation o where " + predicate.sql()
                        + " and (o.name like :name escape '\\' or o.id = cast(:id as bigint))"
                        + " order by (o.name = :exact) desc, length(o.name), o.name, o.id limit :limit")
                .params(predicate.params())
                .param("name", SqlLike.contains(text))
                .param("id", id)
                .param("exact", text)
                .param("limit", limit)
                .query(OrganisationQueries::row)
                .list();
    }

    /** True when {@code candidate} is {@code id} itself or lies below it in the parent chain. */
    public boolean isSelfOrDescendant(long candidate, long id) {
        return jdbc.sql("""
                with recursive chain(id, parent_id) as (
                    select id, parent_id from directory_organisation where id = :candidate
                    union
                    select o.id, o.parent_id from directory_organisation o join chain c on o.id = c.parent_id
                )
                select exists (select 1 from chain where id = :id)""")
                .param("candidate", candidate)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    private static Where where(DataScope scope, OrganisationFilter filter) {
        var predicate = scope.regionPredicate("o.region_code");
        StringBuilder sql = new StringBuilder(predicate.sql());
        Map<String, Object> params = new LinkedHashMap<>(predicate.params());
        if (filter.type() != null) {
            sql.append(" and o.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.status() != null) {
            sql.append(" and o.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.region() != null) {
            sql.append(" and o.region_code >= :region_lo and o.region_code < :region_hi");
            params.put("region_lo", filter.region().prefix());
            params.put("region_hi", filter.region().subtreeUpperBound());
        }
        if (filter.name() != null) {
            sql.append(" and o.name like :name escape '\\'");
            params.put("name", SqlLike.contains(filter.name()));
        }
        return new Where(sql.toString(), params);
    }

    private static OrganisationRow row(ResultSet rs, int n) throws SQLException {
        Timestamp verified = rs.getTimestamp("verified_at");
        return new OrganisationRow(
                rs.getLong("id"),
                OrgType.valueOf(rs.getString("type")),
                rs.getString("name"),
                rs.getString("credit_code"),
                rs.getString("region_code"),
                rs.getString("address"),
                rs.getString("contact_person"),
                rs.getString("public_phone"),
                OrganisationStatus.valueOf(rs.getString("status")),
                verified == null ? null : verified.toInstant());
    }

    private record Where(String sql, Map<String, Object> params) {}
}
