package io.stackkeeper.logs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A kept line as an RFC 5424 message in an octet-counted frame (RFC 6587, RFC 5425): the line's level as severity, its
 * engine time, the service as APP-NAME, the container in structured data, and the line with its folded stack trace as
 * MSG, cut at {@code maxBytes} with a marker.
 */
final class SyslogMessage {

    /** The structured data's id: {@code stackkeeper} under the example enterprise number of RFC 5612. */
    static final String SD_ID = "stackkeeper@32473";
    static final String CUT = " [cut by stackkeeper]";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SyslogMessage() {
    }

    /** The frame of {@code line} of {@code service}: its length, a space, and the message's UTF-8 bytes. */
    static byte[] frame(LogLine line, String service, String hostname, int facility, int maxBytes) {
        String header = "<" + (facility * 8 + severity(line.level())) + ">1 " + TIME.format(line.at()) + " "
                + printable(hostname, 255) + " " + printable(service, 48) + " - - [" + SD_ID + " container=\""
                + paramValue(line.container()) + "\"] ";
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        byte[] body = utf8(message(line), Math.max(0, maxBytes - head.length));
        byte[] length = (head.length + body.length + " ").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer frame = ByteBuffer.allocate(length.length + head.length + body.length);
        return frame.put(length).put(head).put(body).array();
    }

    static int severity(LogLevel level) {
        if (level == null) {
            return 6;
        }
        return switch (level) {
            case FATAL -> 2;
            case ERROR -> 3;
            case WARN -> 4;
            case INFO -> 6;
            case DEBUG, TRACE -> 7;
        };
    }

    private static String message(LogLine line) {
        if (line.continuation().isEmpty()) {
            return line.raw();
        }
        return line.raw() + "\n" + String.join("\n", line.continuation());
    }

    /** The text's UTF-8 bytes, at most {@code max}: a longer text is cut on a character and ends with the marker. */
    private static byte[] utf8(String text, int max) {
        byte[] whole = text.getBytes(StandardCharsets.UTF_8);
        if (whole.length <= max) {
            return whole;
        }
        byte[] cut = CUT.getBytes(StandardCharsets.UTF_8);
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer kept = ByteBuffer.allocate(Math.max(0, max - cut.length));
        encoder.encode(CharBuffer.wrap(text), kept, true);
        ByteBuffer out = ByteBuffer.allocate(kept.position() + cut.length);
        return out.put(kept.array(), 0, kept.position()).put(cut).array();
    }

    /** RFC 5424 header fields are printable US-ASCII without spaces; anything else becomes '_', an empty field '-'. */
    private static String printable(String field, int max) {
        if (field == null || field.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(field.length(), max));
        for (int i = 0; i < field.length() && out.length() < max; i++) {
            char c = field.charAt(i);
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.toString();
    }

    /** A PARAM-VALUE: '"', '\' and ']' escaped with a backslash, control characters dropped. */
    private static String paramValue(String value) {
        StringBuilder out = new StringBuilder();
        String v = value == null ? "" : value;
        for (int i = 0; i < v.length() && out.length() < 256; i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                out.append('\\').append(c);
            } else if (c >= 32 && c != 127) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
