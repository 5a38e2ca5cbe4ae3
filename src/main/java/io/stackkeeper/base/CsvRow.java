package io.stackkeeper.base;

/** One CSV line (RFC 4180): fields quoted when needed, CRLF at the end. */
public final class CsvRow {

    private CsvRow() {
    }

    public static String of(Object... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(escape(fields[i] == null ? "" : fields[i].toString()));
        }
        return line.append("\r\n").toString();
    }

    private static String escape(String value) {
        // a spreadsheet runs a leading =, +, -, @ (and a tab or carriage return before one) as a formula
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
