package io.stackkeeper.monitoring;

import io.stackkeeper.base.FieldsRefusedException;
import io.stackkeeper.base.TextLimits;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks a probe's settings field by field, so each refusal shows next to its field. */
final class ProbeRules {

    static final int SHORTEST_INTERVAL_SECONDS = 5;
    static final Set<String> HOST_METRICS = Set.of("disk", "inodes", "load", "cpu", "memory", "swap", "diskio", "raid", "sensors");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._-]{1,253}:\\d{1,5}|\\[[0-9A-Fa-f:]+\\]:\\d{1,5}");
    private static final Pattern PLAN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private ProbeRules() {
    }

    static void require(ProbeSettings s) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (s.name() == null || s.name().isBlank()) {
            problems.put("name", "Give the probe a name.");
        }
        TextLimits.check(problems, "name", s.name(), 100);
        if (s.component() == null) {
            problems.put("component", "Choose the component the probe watches.");
        }
        if (s.kind() == null) {
            problems.put("kind", "Choose what the probe does.");
        } else {
            target(problems, s);
        }
        if (s.intervalSeconds() < SHORTEST_INTERVAL_SECONDS || s.intervalSeconds() > 86_400) {
            problems.put("intervalSeconds", "Run it every 5 s to once a day.");
        }
        if (s.failingIntervalSeconds() < SHORTEST_INTERVAL_SECONDS || s.failingIntervalSeconds() > s.intervalSeconds()) {
            problems.put("failingIntervalSeconds", "While failing, run it every 5 s up to its usual interval.");
        }
        if (s.timeoutMillis() < 100 || s.timeoutMillis() > 60_000) {
            problems.put("timeoutMillis", "A timeout of 100 ms to 60 s.");
        }
        range(problems, "warning", s.warning());
        range(problems, "critical", s.critical());
        if (s.alertAfter() < 1 || s.alertAfter() > 100) {
            problems.put("alertAfter", "Alert after 1 to 100 failures in a row.");
        }
        if (s.recoverAfter() < 1 || s.recoverAfter() > 100) {
            problems.put("recoverAfter", "Recover after 1 to 100 successes in a row.");
        }
        options(problems, s.options());
        if (!problems.isEmpty()) {
            throw new FieldsRefusedException("The probe is not saved", problems);
        }
    }

    private static void target(Map<String, String> problems, ProbeSettings s) {
        String target = s.target() == null ? "" : s.target().strip();
        TextLimits.check(problems, "target", target, 1000);
        switch (s.kind()) {
            case HTTP, NODE_EXPORTER -> {
                try {
                    URI uri = URI.create(target);
                    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                        problems.put("target", "Use an http:// or https:// URL.");
                    }
                } catch (IllegalArgumentException e) {
                    problems.put("target", "Not a URL: " + e.getMessage());
                }
            }
            case TCP -> {
                if (!HOST_PORT.matcher(target).matches()) {
                    problems.put("target", "Use host:port, e.g. 10.0.0.5:27017.");
                }
            }
            case CONTAINER -> {
                if (!target.equals("backend") && !target.equals("frontend")) {
                    problems.put("target", "Name the container: backend or frontend.");
                }
            }
            case BACKUP_FRESHNESS -> {
                if (!PLAN.matcher(target).matches()) {
                    problems.put("target", "Name the backup plan, e.g. nightly.");
                }
            }
            case ENGINE, MONGODB, REDIS -> {
                // they use the stack settings
            }
            case HOST -> {
                // the portal's own host
            }
        }
        if ((s.kind() == ProbeKind.HOST || s.kind() == ProbeKind.NODE_EXPORTER)
                && !HOST_METRICS.contains(s.options().metric() == null ? "" : s.options().metric())) {
            problems.put("metric", "Choose what to measure: " + String.join(", ", new java.util.TreeSet<>(HOST_METRICS)) + ".");
        }
    }

    private static void options(Map<String, String> problems, ProbeOptions o) {
        if (o.method() != null && !Set.of("GET", "HEAD", "POST", "PUT", "OPTIONS").contains(o.method())) {
            problems.put("method", "Use GET, HEAD, POST, PUT or OPTIONS.");
        }
        if (o.expectedStatus() != null && (o.expectedStatus() < 100 || o.expectedStatus() > 599)) {
            problems.put("expectedStatus", "An HTTP status from 100 to 599.");
        }
        if (o.headers().size() > 20) {
            problems.put("headers", "At most 20 headers.");
        }
        o.headers().forEach((name, value) -> {
            if (!name.matches("[A-Za-z0-9-]{1,100}") || value == null || value.length() > 1000 || value.contains("\n") || value.contains("\r")) {
                problems.put("headers", "Header '" + name.replaceAll("[^A-Za-z0-9-]", "?") + "' is not a valid header.");
            }
        });
        TextLimits.check(problems, "bodyContains", o.bodyContains(), 1000);
        TextLimits.check(problems, "bodyMatches", o.bodyMatches(), 1000);
        if (o.bodyMatches() != null && !o.bodyMatches().isBlank()) {
            try {
                Pattern.compile(o.bodyMatches());
            } catch (PatternSyntaxException e) {
                problems.put("bodyMatches", "Not a regular expression: " + e.getDescription() + ".");
            }
        }
    }

    private static void range(Map<String, String> problems, String field, String range) {
        try {
            NagiosRange.parse(range);
        } catch (IllegalArgumentException e) {
            problems.put(field, e.getMessage());
        }
    }
}
