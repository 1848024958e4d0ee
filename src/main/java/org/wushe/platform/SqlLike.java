package org.wushe.platform;

/**
 * A text searched for as part of a column ({@code column like :p escape '\'}): its own {@code %}, {@code _} and
 * {@code \} match themselves, not any text.
 */
public final class SqlLike {

    private SqlLike() {}

    /** The pattern of "contains {@code text}". */
    public static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
