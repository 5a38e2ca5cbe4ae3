package io.stackkeeper.logs;

/**
 * Folds text so that two strings are equal after folding exactly when {@link String#equalsIgnoreCase} (and
 * {@code regionMatches(true, ...)}, which the query's terms use) says they are: per char, the lower case of the upper
 * case, which is what those methods compare last. Kept in one place because the history's summaries and the queries
 * that consult them must fold alike, or a search would skip an hour that holds a match.
 */
final class CaseFold {

    private CaseFold() {
    }

    static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    static String fold(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = fold(c);
            if (f != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = f;
            }
        }
        return chars == null ? text : new String(chars);
    }

    /**
     * Whether a text has a surrogate, whose case the query's comparison may read by code point: the summaries answer
     * "maybe" for such values rather than risk a wrong "no".
     */
    static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
