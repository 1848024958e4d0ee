package org.wushe.access.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.ApiClientSummary;
import org.wushe.access.ApiPermission;
import org.wushe.access.DataScope;
import org.wushe.shared.RegionCode;

/** The table access_api_client. Lists are scoped in SQL: a client is visible when the caller's scope covers all of it. */
@Repository
public class ApiClientStore {

    private static final String COLUMNS = """
            c.id, c.name, c.whole_country, c.region_codes, c.permissions, c.created_by, c.created_at, c.rotated_at,
            c.revoked_at, c.last_used_at""";

    private final JdbcClient jdbc;

    ApiClientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String name,
            DataScope scope,
            Set<ApiPermission> permissions,
            String tokenId,
            byte[] tokenHash,
            String createdBy,
            Instant now) {
        return jdbc.sql("""
                insert into access_api_client (name, whole_country, region_codes, permissions, token_id, token_hash,
                    created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        name,
                        scope.wholeCountry(),
                        codes(scope),
                        permissions.stream().map(Enum::name).sorted().toArray(String[]::new),
                        tokenId,
                        tokenHash,
                        createdBy,
                        Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("select exists (select 1 from access_api_client where name = ?)")
                .param(name)
                .query(Boolean.class)
                .single();
    }

    /** Clients whose every region lies in {@code scope} (a whole-country client only for whole-country callers). */
    public List<ApiClientSummary> visible(DataScope scope) {
        Visibility v = visibility(scope);
        return jdbc.sql("select " + COLUMNS + " from access_api_client c where " + v.sql() + " order by c.name")
                .params(v.params())
                .query(ApiClientStore::summary)
                .list();
    }

    public Optional<ApiClientSummary> findVisible(long id, DataScope scope) {
        Visibility v = visibility(scope);
        Map<String, Object> params = new LinkedHashMap<>(v.params());
        params.put("id", id);
        return jdbc.sql("select " + COLUMNS + " from access_api_client c where c.id = :id and " + v.sql())
                .params(params)
                .query(ApiClientStore::summary)
                .optional();
    }

    public boolean revoke(long id, String by, Instant now) {
        return jdbc.sql(
                                "update access_api_client set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                        .params(Timestamp.from(now), by, id)
                        .update()
                == 1;
    }

    public boolean replaceToken(long id, String tokenId, byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                update access_api_client set token_id = ?, token_hash = ?, rotated_at = ?
                where id = ? and revoked_at is null""").params(tokenId, tokenHash, Timestamp.from(now), id).update() == 1;
    }

    /** The client a token id names, with its stored hash (for the constant-time comparison). */
    public Optional<Stored> byTokenId(String tokenId) {
        return jdbc.sql("select " + COLUMNS + ", c.token_hash from access_api_client c where c.token_id = ?")
                .param(tokenId)
                .query((rs, n) -> new Stored(summary(rs, n), rs.getBytes("token_hash")))
                .optional();
    }

    /** At most one write a minute per client: "last used" is for people, not for counting calls. */
    public void touch(long id, Instant now) {
        jdbc.sql("""
                update access_api_client set last_used_at = ?
                where id = ? and (last_used_at is null or last_used_at < ?)""")
                .params(Timestamp.from(now), id, Timestamp.from(now.minusSeconds(60)))
                .update();
    }

    public record Stored(ApiClientSummary client, byte[] tokenHash) {}

    private record Visibility(String sql, Map<String, Object> params) {}

    private static Visibility visibility(DataScope scope) {
        if (scope.wholeCountry()) {
            return new Visibility("true", Map.of());
        }
        DataScope.ScopePredicate inside = scope.regionPredicate("(r.code collate \"C\")");
        return new Visibility(
                "(not c.whole_country and cardinality(c.region_codes) > 0 and not exists "
                        + "(select 1 from unnest(c.region_codes) as r(code) where not " + inside.sql() + "))",
                inside.params());
    }

    private static String[] codes(DataScope scope) {
        return scope.regions().stream().map(RegionCode::value).sorted().toArray(String[]::new);
    }

    private static ApiClientSummary summary(ResultSet rs, int row) throws SQLException {
        List<RegionCode> regions = Arrays.stream(strings(rs.getArray("region_codes")))
                .map(RegionCode::parse)
                .toList();
        DataScope scope = rs.getBoolean("whole_country") ? DataScope.country() : DataScope.of(regions);
        Set<ApiPermission> permissions = Arrays.stream(strings(rs.getArray("permissions")))
                .flatMap(p -> Arrays.stream(ApiPermission.values())
                        .filter(a -> a.name().equals(p)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApiPermission.class)));
        return new ApiClientSummary(
                rs.getLong("id"),
                rs.getString("name"),
                scope,
                permissions,
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "rotated_at"),
                instant(rs, "revoked_at"),
                instant(rs, "last_used_at"));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
