package org.wushe.residents.visits;

/**
 * The visit plan, by risk level (also in the README):
 * <ul>
 * <li><b>HIGH</b>: a contact every day (a phone check-in is enough) and a home visit at least every 7 days;</li>
 * <li><b>MEDIUM</b>: a contact (phone, video or home) at least every 7 days;</li>
 * <li><b>LOW</b> and not yet assessed: a contact at least every 30 days.</li>
 * </ul>
 * The clock starts at the last visit, or at registration when there was none. The SQL of the overdue list is
 * written from these numbers.
 */
final class VisitPlan {

    public static final int HIGH_CONTACT_DAYS = 1;
    public static final int HIGH_HOME_DAYS = 7;
    public static final int MEDIUM_CONTACT_DAYS = 7;
    public static final int LOW_CONTACT_DAYS = 30;

    private VisitPlan() {}

    /** SQL: the contact interval in days of the row's {@code risk_level}. */
    static String contactDaysSql(String riskColumn) {
        return "(case " + riskColumn + " when 'HIGH' then " + HIGH_CONTACT_DAYS + " when 'MEDIUM' then "
                + MEDIUM_CONTACT_DAYS + " else " + LOW_CONTACT_DAYS + " end)";
    }
}
