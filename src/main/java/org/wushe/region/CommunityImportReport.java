package org.wushe.region;

import java.util.List;

/** What an import of village/community codes did: every rejected line is listed with its reason. */
public record CommunityImportReport(int rowsRead, int rowsWritten, List<Rejection> rejected) {

    /** A line that was not imported; {@code messageKey} and {@code arguments} render the reason. */
    public record Rejection(int line, String value, String messageKey, List<Object> arguments) {}
}
