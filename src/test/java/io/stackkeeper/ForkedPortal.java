package io.stackkeeper;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole portal in its own JVM (from the test classpath) on a free port, with its data folder, for tests and
 * benchmarks that must kill it, restart it, or bound its memory.
 */
public final class ForkedPortal implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "forked-portal-admin";

    private final Path dataFolder;
    private final Path log;
    private final String[] jvmOptions;
    private Process process;
    private int port;

    public ForkedPortal(Path dataFolder, String... jvmOptions) {
        this.dataFolder = dataFolder;
        this.log = Path.of("target", "forked-portals", dataFolder.getParent().getFileName() + "-" + dataFolder.getFileName() + ".log")
                .toAbsolutePath();
        this.jvmOptions = jvmOptions;
    }

    /** Starts the portal and answers an admin token once it can sign in. */
    public String start() throws Exception {
        launch();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal stopped at start; see " + log);
            }
            try {
                return api().tokenFor("admin", ADMIN_PASSWORD);
            } catch (IllegalStateException notYet) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("The portal did not start within 3 minutes; see " + log);
    }

    /** Starts the portal's process and answers at once, without waiting for it. */
    public void launch() throws Exception {
        Files.createDirectories(dataFolder);
        Files.createDirectories(log.getParent());
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.util.List.of(jvmOptions));
        command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), "io.stackkeeper.Application"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("STACKKEEPER_DATA_DIR", dataFolder.toString());
        builder.environment().put("STACKKEEPER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // CI's disk may be small: the default reserve (1 GB or 5%) is a production figure
        builder.environment().put("STACKKEEPER_BACKUP_FREE_SPACE_RESERVE", "10MB");
        builder.environment().put("STACKKEEPER_BACKUP_FREE_SPACE_RESERVE_PERCENT", "0");
        process = builder.start();
    }

    public Path log() {
        return log;
    }

    public ApiClient api() {
        return new ApiClient(port);
    }

    /** Saves the stack settings through {@code PUT /api/v1/stack/settings}, as a provisioning script would. */
    public ApiClient.Response saveStackSettings(String token, Object settings) throws Exception {
        return api().send("PUT", "/api/v1/stack/settings", ApiClient.bearer(token),
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(settings));
    }

    public Process process() {
        return process;
    }

    /** Ends the portal at once, as a crash or {@code kill -9} would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The portal's peak resident memory so far (VmHWM), in MB. */
    public long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
