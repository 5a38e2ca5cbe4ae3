package io.stackkeeper.logs;

import java.util.List;

/**
 * Text that cannot steer what shows it: control characters but tab (escape sequences that move a terminal's cursor or
 * recolour it, carriage returns that overwrite a line, newlines that fake one), the C1 controls, Unicode's direction
 * overrides and isolates (which reorder what is shown) and its line separators all become U+FFFD.
 */
final class SafeText {

    static final char REPLACEMENT = '\uFFFD';

    private SafeText() {
    }

    /** The text itself when it is safe already, which is nearly always, else a copy with the unsafe chars replaced. */
    static String clean(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && !unsafe(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (; i < n; i++) {
            if (unsafe(chars[i])) {
                chars[i] = REPLACEMENT;
            }
        }
        return new String(chars);
    }

    /**
     * Adds the lines of a text (split at {@code \n} or {@code \r\n}, trailing breaks dropped) cleaned, while
     * {@code into} has fewer than {@code max}; the last that fits holds the rest, its breaks replaced.
     */
    static void addLines(String text, List<String> into, int max) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        int start = 0;
        while (into.size() < max - 1) {
            int newline = text.indexOf('\n', start);
            if (newline < 0 || newline >= end) {
                break;
            }
            int lineEnd = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            into.add(clean(text.substring(start, lineEnd)));
            start = newline + 1;
        }
        if (into.size() < max) {
            into.add(clean(text.substring(start, end)));
        }
    }

    private static boolean unsafe(char c) {
        if (c < 0x20) {
            return c != '\t';
        }
        if (c < 0x7f) {
            return false;
        }
        return c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x2028 || c == 0x2029;
    }
}
