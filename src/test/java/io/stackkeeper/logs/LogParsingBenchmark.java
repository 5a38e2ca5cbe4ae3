package io.stackkeeper.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Parsing and filtering throughput (run with {@code bench/logs.sh}): the logs page's parser and a field query over
 * 1,000,000 JSON lines like the backend's, on one thread, against a plain Jackson {@code readTree} loop over the same
 * lines in the same run (target: at least 0.7 of its lines per second). Each side runs three times after a warm-up
 * pass; the best pass counts. The table goes to stdout and to {@code target/bench/logs.md}.
 */
class LogParsingBenchmark {

    private static final int LINES = Integer.getInteger("bench.lines", 1_000_000);
    private static final String[] LEVELS = {"info", "info", "info", "info", "debug", "warn", "error"};
    private static final String[] ROUTES = {"/api/orders", "/api/users/:id", "/status", "/api/reports/export", "/login"};

    @Test
    void the_parser_and_a_field_query_keep_up_with_a_bare_jackson_loop() throws Exception {
        String[] lines = lines();
        LogQuery query = LogQuery.parse("user:u-42 level>=warn");
        ObjectMapper jackson = new ObjectMapper();
        Instant at = Instant.parse("2026-12-03T10:00:00Z");

        long ours = best(() -> {
            long kept = 0;
            for (String line : lines) {
                if (query.matches(LogParser.parse("backend", at, line))) {
                    kept++;
                }
            }
            return kept;
        });
        long bare = best(() -> {
            long objects = 0;
            for (String line : lines) {
                JsonNode node = jackson.readTree(line);
                if (node.isObject()) {
                    objects++;
                }
            }
            return objects;
        });
        double oursRate = LINES / (ours / 1e9);
        double bareRate = LINES / (bare / 1e9);
        String report = String.format("""
                | measure (%,d JSON lines, one thread, best of 3) | portal | baseline | ratio | target |
                |---|---:|---:|---:|---:|
                | parse every line + filter `user:u-42 level>=warn` vs Jackson `readTree` | %,.0f lines/s | %,.0f lines/s | %.2f | >= 0.7 |
                """, LINES, oursRate, bareRate, oursRate / bareRate);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/logs.md"), report);
        System.out.println(report);
    }

    /** Lines as a pino logger writes them: level, time, message, request fields, now and then an error with its stack. */
    private static String[] lines() {
        Random random = new Random(13);
        String[] lines = new String[LINES];
        long time = 1_764_756_000_000L;
        for (int i = 0; i < LINES; i++) {
            String level = LEVELS[random.nextInt(LEVELS.length)];
            String route = ROUTES[random.nextInt(ROUTES.length)];
            String error = level.equals("error")
                    ? ",\"err\":{\"type\":\"Error\",\"message\":\"ETIMEDOUT\",\"stack\":\"Error: ETIMEDOUT\\n    at Socket.<anonymous> (/app/db.js:42:11)\"}"
                    : "";
            lines[i] = "{\"level\":\"" + level + "\",\"time\":" + (time + i * 10L) + ",\"pid\":17,\"hostname\":\"backend-7f9c\",\"reqId\":\"req-"
                    + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "\",\"user\":\"u-" + random.nextInt(5000) + "\",\"route\":\""
                    + route + "\",\"durationMs\":" + random.nextInt(900) + error + ",\"msg\":\"request completed\"}";
        }
        return lines;
    }

    private interface Pass {
        long run() throws Exception;
    }

    private static long best(Pass pass) throws Exception {
        pass.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            long counted = pass.run();
            best = Math.min(best, System.nanoTime() - start);
            if (counted < 0) {
                throw new IllegalStateException("unreachable");
            }
        }
        return best;
    }
}
