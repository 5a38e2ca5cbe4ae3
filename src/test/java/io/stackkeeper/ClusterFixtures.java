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

    /** Two portals started on a new PostgreSQL database of their own, the sample stack's settings saved through the first. */
    public static final class TwoPortals implements AutoCloseable {
        public final PostgresDatabases databases = new PostgresDatabases();
        public final String database;
        public final ForkedPortal first;
        public final ForkedPortal second;
        /** An admin's token on the first portal. */
        public final String token;

        public TwoPortals(Path work, Path backups, io.stackkeeper.stack.SampleStack sample) throws Exception {
            database = databases.create();
            String[] options = options(database, backups);
            first = new ForkedPortal(work.resolve("first"), options);
            second = new ForkedPortal(work.resolve("second"), options);
            try {
                token = first.start();
                second.start();
                if (first.saveStackSettings(token, sample.settingsBody()).status() != 200) {
                    throw new IllegalStateException("The stack settings were refused; see " + first.log());
                }
            } catch (Exception | Error e) {
                close();
                throw e;
            }
        }

        /** Creates one TCP probe per target through the first portal; answers their ids. */
        public List<Long> probes(List<CountedTarget> targets, int everySeconds) {
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                ApiClient.Response created = first.api().send("POST", "/api/v1/probes", ApiClient.bearer(token),
                        probe("tcp-" + i, targets.get(i).port(), everySeconds));
                if (created.status() != 201) {
                    throw new IllegalStateException("The probe was refused: " + created.body());
                }
                ids.add(created.body().get("id").asLong());
            }
            return ids;
        }

        @Override
        public void close() throws Exception {
            try (PostgresDatabases dropped = databases; ForkedPortal one = first; ForkedPortal other = second) {
                // closed in reverse order: the portals, then their database
            }
        }
    }

    /** {@code count} targets, closed together. */
    public static final class CountedTargets implements AutoCloseable {
        public final List<CountedTarget> each = new java.util.ArrayList<>();

        public CountedTargets(int count) throws java.io.IOException {
            for (int i = 0; i < count; i++) {
                each.add(new CountedTarget());
            }
        }

        @Override
        public void close() throws java.io.IOException {
            for (CountedTarget target : each) {
                target.close();
            }
        }
    }
}
