package org.wushe.region.web;

import java.time.Instant;
import java.util.List;
import org.wushe.region.ControlLevelRecord;
import org.wushe.region.ControlLevelStatus;
import org.wushe.region.Region;
import org.wushe.region.RegionMatch;
import org.wushe.shared.RegionCode;

/** The JSON shapes of the region API: plain strings, so clients need no knowledge of our value types. */
final class RegionViews {

    private RegionViews() {}

    record RegionView(String code, String name, String level, String parentCode, boolean hasChildren) {
        static RegionView of(Region r) {
            return new RegionView(
                    r.code().value(),
                    r.name(),
                    r.level().name(),
                    r.parentCode() == null ? null : r.parentCode().value(),
                    r.hasChildren());
        }
    }

    record RegionDetailView(
            String code,
            String name,
            String level,
            String parentCode,
            boolean hasChildren,
            List<RegionView> ancestors,
            String controlLevel) {}

    record RegionMatchView(String code, String name, String level, String parentCode, String fullName) {
        static RegionMatchView of(RegionMatch m) {
            Region r = m.region();
            return new RegionMatchView(
                    r.code().value(),
                    r.name(),
                    r.level().name(),
                    r.parentCode() == null ? null : r.parentCode().value(),
                    m.fullName());
        }
    }

    record ControlLevelRecordView(
            long id,
            String regionCode,
            String level,
            Instant effectiveFrom,
            String reason,
            String recordedBy,
            Instant recordedAt) {
        static ControlLevelRecordView of(ControlLevelRecord r) {
            return new ControlLevelRecordView(
                    r.id(),
                    r.regionCode().value(),
                    r.level().name(),
                    r.effectiveFrom(),
                    r.reason(),
                    r.recordedBy(),
                    r.recordedAt());
        }
    }

    record ControlLevelView(
            String regionCode,
            String level,
            String inheritedFrom,
            ControlLevelRecordView current,
            List<ControlLevelRecordView> history) {
        static ControlLevelView of(ControlLevelStatus s) {
            return new ControlLevelView(
                    s.regionCode().value(),
                    s.level().name(),
                    s.inheritedFrom().map(RegionCode::value).orElse(null),
                    s.current().map(ControlLevelRecordView::of).orElse(null),
                    s.history().stream().map(ControlLevelRecordView::of).toList());
        }
    }

    /** A decision to record; {@code effectiveFrom} defaults to now. */
    record ControlLevelRequest(String level, Instant effectiveFrom, String reason) {}

    record RejectionView(int line, String value, String code, String message) {}

    record ImportReportView(int rowsRead, int rowsWritten, int rowsRejected, List<RejectionView> rejected) {}
}
