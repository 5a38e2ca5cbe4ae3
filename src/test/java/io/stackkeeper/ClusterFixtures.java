package io.stackkeeper;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** What tests and benchmarks of several portals on one PostgreSQL database share: options, plans, probes, targets. */
public final class ClusterFixtures {

    private ClusterFixtures() {
    }

    public static String[] options(String database, Path backups) {
        return Stream.concat(Stream.of(PostgresDatabases.portalOptions(database)),
                Stream.of("-Dstackkeeper.encryption-secret=two-portals-share-one-secret-of-32-chars", "-Dstackkeeper.backup.allowed-roots=" + backups))
                .toArray(String[]::new);
    }

    public static String plan(String cron, String target) {
        return "{\"cron\": \"" + cron + "\", \"target\": \"" + target + "\", \"contents\": \"BOTH\", \"includeSystemDatabases\": false,"
                + " \"compressionLevel\": 1, \"retention\": {\"keepLast\": 100, \"keepHourly\": 0, \"keepDaily\": 0, \"keepWeekly\": 0,"
                + " \"keepMonthly\": 0, \"keepYearly\": 0}, \"verifyCron\": null, \"enabled\": true}";
    }

    public static String probe(String name, int port, int everySeconds) {
        return "{\"name\": \"" + name + "\", \"component\": \"BACKEND\", \"kind\": \"TCP\", \"target\": \"127.0.0.1:" + port + "\","
                + " \"options\": null, \"intervalSeconds\": " + everySeconds + ", \"failingIntervalSeconds\": " + everySeconds + ","
                + " \"timeoutMillis\": 2000, \"warning\": null, \"critical\": null, \"alertAfter\": 1, \"recoverAfter\": 1, \"paused\": false}";
    }

    /** A TCP port that notes when each connection (a probe's run) came. */
    public static final class CountedTarget implements AutoCloseable {
        private final java.net.ServerSocket socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        private final List<Instant> runs = new java.util.concurrent.CopyOnWriteArrayList<>();

        public CountedTarget() throws java.io.IOException {
            Thread accepting = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (java.net.Socket run = socket.accept()) {
                        runs.add(Instant.now());
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
        }

        public int port() {
            return socket.getLocalPort();
        }

        public List<Instant> runs() {
            return List.copyOf(runs);
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }
}
