package io.stackkeeper.logs;

import java.util.List;

/**
 * Skips parsing a frame whose bytes cannot hold a word of the query. Sound only where every text a word is looked
 * for in (message, raw line, folded lines) appears in the frame's bytes as it is: so only for frames of plain ASCII
 * without a backslash (no JSON or record escapes, no char whose case partner is outside ASCII) and without a cut
 * line (whose truncation marker the parser adds), and only for ASCII words that are not negated.
 */
final class FramePrefilter {

    private FramePrefilter() {
    }

    /** False only when a word the query requires is certainly in no line of the frame. */
    static boolean mayMatch(byte[] content, List<KeptLine> lines, LogQuery query) {
        boolean anyWord = false;
        for (QueryTerm term : query.terms()) {
            anyWord |= term instanceof QueryTerm.Text text && isAscii(text.needle());
        }
        if (!anyWord || !plainAscii(content)) {
            return true;
        }
        for (KeptLine line : lines) {
            if (line.cutBytes() > 0 || line.text().length() > LogLine.MAX_CHARS) {
                return true;
            }
        }
        for (QueryTerm term : query.terms()) {
            if (term instanceof QueryTerm.Text text && isAscii(text.needle()) && !contains(content, text.needle())) {
                return false;
            }
        }
        return true;
    }

    private static boolean plainAscii(byte[] content) {
        for (byte b : content) {
            if (b < 0 || b == '\\') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** Whether the ASCII bytes hold the ASCII needle, ignoring case. */
    private static boolean contains(byte[] content, String needle) {
        int length = needle.length();
        char first = CaseFold.fold(needle.charAt(0));
        for (int i = 0, last = content.length - length; i <= last; i++) {
            if (CaseFold.fold((char) content[i]) == first && regionMatches(content, i, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(byte[] content, int at, String needle) {
        for (int j = 1; j < needle.length(); j++) {
            if (CaseFold.fold((char) content[at + j]) != CaseFold.fold(needle.charAt(j))) {
                return false;
            }
        }
        return true;
    }
}
