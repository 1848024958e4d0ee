package org.wushe.region.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.region.ControlLevel;
import org.wushe.region.ControlLevelRecord;
import org.wushe.shared.RegionCode;

/** Append-only history of control-level decisions; nothing here updates or deletes one. */
@Repository
public class ControlLevelStore {

    private static final String COLUMNS = "id, region_code, level, effective_from, reason, recorded_by, recorded_at";

    private final JdbcClient jdbc;

    ControlLevelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ControlLevelRecord append(
            RegionCode region, ControlLevel level, Instant effectiveFrom, String reason, String recordedBy) {
        return jdbc.sql("insert into region_control_level (region_code, level, effective_from, reason, recorded_by)"
                        + " values (?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(region.value(), level.name(), Timestamp.from(effectiveFrom), reason, recordedBy)
                .query(ControlLevelStore::record)
                .single();
    }

    public List<ControlLevelRecord> history(RegionCode region) {
        return jdbc.sql("select " + COLUMNS + " from region_control_level where region_code = ?"
                        + " order by effective_from desc, id desc")
                .param(region.value())
                .query(ControlLevelStore::record)
                .list();
    }

    /**
     * The decision in force at {@code at} among the region and its ancestors: the latest one to take effect,
     * and of two taking effect at the same moment the more specific (a community's over its district's).
     */
    public Optional<ControlLevelRecord> inForce(List<RegionCode> regionAndAncestors, Instant at) {
        return jdbc.sql("select " + COLUMNS + " from region_control_level"
                        + " where region_code = any(?) and effective_from <= ?"
                        + " order by effective_from desc, length(region_code) desc, id desc limit 1")
                .params(regionAndAncestors.stream().map(RegionCode::value).toArray(String[]::new), Timestamp.from(at))
                .query(ControlLevelStore::record)
                .optional();
    }

    private static ControlLevelRecord record(ResultSet rs, int row) throws SQLException {
        return new ControlLevelRecord(
                rs.getLong("id"),
                RegionCode.parse(rs.getString("region_code")),
                ControlLevel.valueOf(rs.getString("level")),
                rs.getTimestamp("effective_from").toInstant(),
                rs.getString("reason"),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
