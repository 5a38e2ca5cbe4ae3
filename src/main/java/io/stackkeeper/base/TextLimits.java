package io.stackkeeper.base;

import java.util.Map;

/**
 * The longest text a field takes, checked before anything is saved, so that an over-long value is refused next to its
 * field (400 with {@code fieldErrors}) instead of failing in the database.
 */
public final class TextLimits {

    private TextLimits() {
    }

    /** Records a problem for {@code field} when {@code value} is longer than {@code max} characters. */
    public static void check(Map<String, String> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.put(field, "At most " + max + " characters (" + value.length() + " given).");
        }
    }

    /** Refuses a single over-long field at once. */
    public static void require(String field, String value, int max) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        check(problems, field, value, max);
        if (!problems.isEmpty()) {
            throw new FieldsRefusedException("The request cannot be accepted", problems);
        }
    }

    /** {@code text} cut to at most {@code max} characters, the cut marked with an ellipsis; null stays null. */
    public static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
