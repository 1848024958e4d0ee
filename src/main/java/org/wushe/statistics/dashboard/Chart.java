package org.wushe.statistics.dashboard;

import java.util.List;

/**
 * One chart of the dashboard as the table it is drawn from: the page renders the table (readable without
 * script), the script draws the chart from it, the xlsx download writes it. {@code columns} are message keys.
 */
record Chart(String id, String titleKey, String type, List<String> columns, List<Row> rows) {

    /** A labelled row; {@code hint} is shown on hover (a region's code), {@code link} drills down. */
    record Row(String label, String hint, String link, List<Number> values) {}
}
