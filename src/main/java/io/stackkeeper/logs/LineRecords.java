package io.stackkeeper.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a batch as kept inside a compressed frame: one record a line, {@code <engine time>\t<container>\t<cut
 * bytes>\t<text>\n}, backslash, tab, newline and carriage return escaped as {@code \\ \t \n \r}. Text rather than
 * binary so that {@code zstdcat 2026-12-03T09.log.zst} shows an operator the kept lines without the portal.
 */
final class LineRecords {

    private LineRecords() {
    }

    static void write(ByteArrayOutputStream out, KeptLine line) {
        StringBuilder record = new StringBuilder(line.text().length() + line.container().length() + 48);
        record.append(line.at()).append('\t');
        escape(line.container(), record);
        record.append('\t').append(line.cutBytes()).append('\t');
        escape(line.text(), record);
        record.append('\n');
        out.writeBytes(record.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The records of a batch; one that cannot be read (only a crafted file has such) is skipped. */
    static List<KeptLine> read(byte[] content) {
        List<KeptLine> lines = new ArrayList<>();
        int start = 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            KeptLine line = record(new String(content, start, end - start, StandardCharsets.UTF_8));
            if (line != null) {
                lines.add(line);
            }
            start = end + 1;
        }
        return lines;
    }

    private static KeptLine record(String record) {
        int first = record.indexOf('\t');
        int second = first < 0 ? -1 : record.indexOf('\t', first + 1);
        int third = second < 0 ? -1 : record.indexOf('\t', second + 1);
        if (third < 0) {
            return null;
        }
        Instant at = Timestamps.parse(record.substring(0, first));
        long cut = cutBytes(record, second + 1, third);
        if (at == null || cut < 0) {
            return null;
        }
        return new KeptLine(at, unescape(record.substring(first + 1, second)), cut, unescape(record.substring(third + 1)));
    }

    private static long cutBytes(String record, int from, int to) {
        return to == from || to - from > 18 ? -1 : Timestamps.decimal(record, from, to);
    }

    private static void escape(String text, StringBuilder into) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> into.append("\\\\");
                case '\t' -> into.append("\\t");
                case '\n' -> into.append("\\n");
                case '\r' -> into.append("\\r");
                default -> into.append(c);
            }
        }
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
