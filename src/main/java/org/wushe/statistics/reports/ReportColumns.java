package org.wushe.statistics.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.wushe.statistics.ServiceKind;

/**
 * The placeholders a report template may hold, written {@code ${name}}. In the row marked by {@code ${region}} (and
 * the total row after it) each cell holding one placeholder becomes that figure; anywhere else the text ones
 * ({@link #TEXTS}) are replaced inside the cell's text. The template, not this class, decides which figures appear
 * and in what order.
 */
final class ReportColumns {

    /** The row's region name; its code. */
    static final String REGION = "region";

    static final String REGION_CODE = "region.code";
    /** Organisations of one kind: {@code organisations.AGENCY}; all kinds: {@code organisations}. */
    static final String ORGANISATIONS = "organisations.";

    static final String ORGANISATIONS_ALL = "organisations";
    static final String SOCIAL_WORKERS = "socialWorkers";
    static final String QUALIFIED = "socialWorkers.qualified";
    static final String VOLUNTEERS = "volunteers";
    /** Person-times of one kind of service: {@code service.HEALTH_CARE}. */
    static final String SERVICE = "service.";

    static final String RECORDS = "records";
    static final String PERSON_TIMES = "personTimes";
    static final String HOURS = "hours";
    static final String RECEIVED = "requests.received";
    static final String RESOLVED = "requests.resolved";
    static final String OVERDUE = "requests.overdue";

    /** Text placeholders of the title and notes: the area, the period, when it was made, the rows' level. */
    static final Set<String> TEXTS = Set.of("area", "period", "generatedAt", "level");

    /**
     * The kinds of organisation the directory stores (its table's check constraint); statistics reads that table
     * but may not use the directory module's enum.
     */
    static final List<String> ORGANISATION_TYPES = List.of(
            "ASSOCIATION",
            "AGENCY",
            "STATION",
            "COMMUNITY_SW_ROOM",
            "COMMUNITY_VOLUNTEER_STATION",
            "HOSPITAL_SW_DEPT",
            "COMMUNITY_COMMITTEE",
            "VOLUNTEER_ORG",
            "CHARITY",
            "FOUNDATION",
            "PUBLIC_INSTITUTION",
            "SCHOOL");

    private ReportColumns() {}

    /** Every placeholder of a row, so that a template with a misspelt one fails its test instead of showing 0. */
    static final Set<String> ROW_PLACEHOLDERS = rowPlaceholders();

    private static Set<String> rowPlaceholders() {
        List<String> names = new ArrayList<>(List.of(
                REGION,
                REGION_CODE,
                ORGANISATIONS_ALL,
                SOCIAL_WORKERS,
                QUALIFIED,
                VOLUNTEERS,
                RECORDS,
                PERSON_TIMES,
                HOURS,
                RECEIVED,
                RESOLVED,
                OVERDUE));
        ORGANISATION_TYPES.forEach(t -> names.add(ORGANISATIONS + t));
        Arrays.stream(ServiceKind.values()).forEach(k -> names.add(SERVICE + k.name()));
        return Set.copyOf(names);
    }

    static Set<String> all() {
        return Set.copyOf(
                Stream.concat(ROW_PLACEHOLDERS.stream(), TEXTS.stream()).toList());
    }
}
