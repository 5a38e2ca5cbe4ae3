package io.stackkeeper.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the Prometheus text exposition format (what node_exporter serves) into samples; comments are skipped. */
final class PromText {

    /** One sample: metric name, labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {

        String label(String key) {
            return labels.getOrDefault(key, "");
        }
    }

    private PromText() {
    }

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            Map<String, String> labels = new LinkedHashMap<>();
            String name;
            String rest;
            if (brace >= 0 && (space < 0 || brace < space)) {
                name = line.substring(0, brace);
                int end = labels(line, brace + 1, labels);
                rest = line.substring(end + 1).strip();
            } else if (space > 0) {
                name = line.substring(0, space);
                rest = line.substring(space + 1).strip();
            } else {
                continue;
            }
            String value = rest.split("\\s+")[0];
            try {
                samples.add(new Sample(name, labels, value.equals("+Inf") ? Double.POSITIVE_INFINITY
                        : value.equals("-Inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(value)));
            } catch (NumberFormatException e) {
                // a line this parser does not understand is left out, as Prometheus would refuse it
            }
        }
        return samples;
    }

    /** Reads {@code key="value",...} from {@code from}; answers the index of the closing brace. */
    private static int labels(String line, int from, Map<String, String> into) {
        int i = from;
        while (i < line.length() && line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                return line.indexOf('}', i) < 0 ? line.length() - 1 : line.indexOf('}', i);
            }
            String key = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            while (j < line.length() && line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\' && j + 1 < line.length()) {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            into.put(key, value.toString());
            i = j + 1;
            while (i < line.length() && (line.charAt(i) == ',' || line.charAt(i) == ' ')) {
                i++;
            }
        }
        return Math.min(i, line.length() - 1);
    }
}
