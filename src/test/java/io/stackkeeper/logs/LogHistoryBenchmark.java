package io.stackkeeper.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Measures the log history on generated lines of a Node backend (pino-style JSON: level, time, msg, user, route,
 * durationMs, reqId) at 100 lines a second: bytes kept per million lines, writing throughput with a forced frame
 * every simulated second, and the time of the first page (500 lines, newest first) of searches for a rare field
 * value, a common one, a level, a rare word and a pattern. Then it fills the folder up to {@code days} days with
 * copies of hours that lack the rare value and searches for it again, which is the 7-day case of the issue as far as
 * the summaries are concerned. Not a test: run by hand, one thread.
 * <pre>java -cp ... io.stackkeeper.logs.LogHistoryBenchmark [hours=6] [days=7]</pre>
 */
final class LogHistoryBenchmark {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] ROUTES = {"/api/orders", "/api/orders/:id", "/api/users/:id", "/api/cart", "/api/login",
        "/api/search", "/api/products", "/api/products/:id", "/health", "/api/checkout"};

    public static void main(String[] args) throws IOException {
        int hours = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path root = Files.createTempDirectory("history-bench");
        long lines = (long) hours * 3600 * 100;
        int rareHour = hours / 2;
        System.out.printf(Locale.ROOT, "%d hours, %,d lines, in %s%n", hours, lines, root);

        long started = System.nanoTime();
        try (LogHistory history = new LogHistory(root, new HistorySettings(Duration.ofDays(30), 1L << 40))) {
            Random random = new Random(42);
            for (long i = 0; i < lines; i++) {
                Instant at = START.plusMillis(i * 10);
                history.append("backend", "stack-backend-1", at, line(random, at, i, i == rareHour * 360_000L + 1234, i == 4321));
                if (i % 100 == 99) {
                    history.flush();
                }
            }
        }
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        long bytes = folderBytes(root);
        System.out.printf(Locale.ROOT, "writing: %.1f s, %,.0f lines/s (a forced frame per simulated second, compaction included)%n",
                writeSeconds, lines / writeSeconds);
        System.out.printf(Locale.ROOT, "kept: %,d bytes, %,.0f bytes per million lines (%.1f MiB per 7 days at 100 lines/s)%n",
                bytes, bytes * 1e6 / lines, bytes * 1e6 / lines * 60.48 / (1 << 20));

        Instant to = START.plus(Duration.ofHours(hours));
        Instant from = to.minus(Duration.ofDays(days));
        System.out.println();
        System.out.println("| query | first run ms | best of 3 ms | lines | hours read | hours skipped |");
        System.out.println("|---|---|---|---|---|---|");
        for (String query : List.of("user:u-rare-0001", "route:/api/orders", "level>=error", "ETIMEDOUT", "/ETIMEDOUT/")) {
            time(root, query, from, to, hours + " h");
        }
        fill(root, hours, days * 24, rareHour);
        System.out.printf(Locale.ROOT, "%nfolder filled to %d hours with copies of hours without the rare value: %,d bytes%n",
                days * 24, folderBytes(root));
        // the copies repeat the times of their sources, so only rare terms measure the 7-day case fairly: a common
        // term's page fills from the newest hour whatever the range, and copies of it would tie with it
        for (String query : List.of("user:u-rare-0001", "ETIMEDOUT")) {
            time(root, query, from, to, days + " d");
        }
        deleteAll(root);
    }

    private static String line(Random random, Instant at, long i, boolean rare, boolean rareWord) {
        int dice = random.nextInt(100);
        int level = rareWord ? 50 : dice < 4 ? 20 : dice < 94 ? 30 : dice < 99 ? 40 : 50;
        String user = rare ? "u-rare-0001" : "u-" + (1000 + random.nextInt(5000));
        String route = dice % 5 == 0 ? ROUTES[0] : ROUTES[1 + random.nextInt(ROUTES.length - 1)];
        String message = switch (level) {
            case 20 -> "cache miss for key session:" + random.nextInt(100_000);
            case 40 -> "slow request";
            case 50 -> rareWord ? "connect ETIMEDOUT 10.0.0.9:6379" : "request failed: connect ECONNRESET 10.0.0.5:27017";
            default -> "request completed";
        };
        return "{\"level\":" + level + ",\"time\":" + at.toEpochMilli() + ",\"pid\":7,\"hostname\":\"backend-7f9c6d\""
                + ",\"reqId\":\"req-" + Long.toString(i, 36) + "\",\"msg\":\"" + message + "\",\"user\":\"" + user
                + "\",\"route\":\"" + route + "\",\"durationMs\":" + (int) Math.abs(random.nextGaussian() * 80 + 20) + "}";
    }

    private static void time(Path root, String query, Instant from, Instant to, String span) throws IOException {
        long first = 0;
        long best = Long.MAX_VALUE;
        HistoryPage page = null;
        for (int run = 0; run < 3; run++) {
            try (LogHistory history = new LogHistory(root, HistorySettings.DEFAULTS)) { // summaries from disk each time
                long started = System.nanoTime();
                page = history.search(List.of("backend"), from, to, LogQuery.parse(query), 500, true);
                long millis = (System.nanoTime() - started) / 1_000_000;
                first = run == 0 ? millis : first;
                best = Math.min(best, millis);
            }
        }
        System.out.printf(Locale.ROOT, "| `%s` over %s | %d | %d | %d | %d | %d |%n", query, span, first, best,
                page.lines().size(), page.hoursRead(), page.hoursSkipped());
    }

    /** Copies kept hours (but the rare one) to the hours before the start until the folder holds {@code total}. */
    private static void fill(Path root, int hours, int total, int rareHour) throws IOException {
        Path folder = root.resolve("backend");
        int source = 0;
        for (int h = 1; h <= total - hours; h++) {
            if (source == rareHour) {
                source = (source + 1) % hours;
            }
            Instant from = START.plus(Duration.ofHours(source));
            Instant copy = START.minus(Duration.ofHours(h));
            Path data = HistoryFolder.dataFile(folder, from);
            if (h == 1) {
                System.out.printf(Locale.ROOT, "one hour: %,d bytes of lines, %,d bytes of summary%n", Files.size(data),
                        Files.size(HistoryFolder.summaryOf(data)));
            }
            Files.copy(data, HistoryFolder.dataFile(folder, copy), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(HistoryFolder.summaryOf(data), HistoryFolder.summaryOf(HistoryFolder.dataFile(folder, copy)),
                    StandardCopyOption.REPLACE_EXISTING);
            source = (source + 1) % hours;
        }
    }

    private static long folderBytes(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void deleteAll(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }
}
