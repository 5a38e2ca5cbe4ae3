package io.stackkeeper;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real redis-server process of the test's own, on a free loopback port, that the test may stop and start again. */
public final class RedisProcess implements Closeable {

    private final Path dir;
    private final String password;
    private final int port;
    private final String bind;
    private Process process;

    public RedisProcess(Path dir, String password) throws IOException {
        this(dir, password, "127.0.0.1");
    }

    /**
     * Also listening on every address, so that containers reach it by {@code SampleStack.HOST_FROM_CONTAINERS} (the
     * engine's bridge exists only while containers run, so it cannot be bound by itself); the password guards it.
     */
    public static RedisProcess reachableFromContainers(Path dir, String password) throws IOException {
        return new RedisProcess(dir, password, "0.0.0.0");
    }

    private RedisProcess(Path dir, String password, String bind) throws IOException {
        this.dir = dir;
        this.password = password;
        this.bind = bind;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        start();
    }

    public int port() {
        return port;
    }

    /** {@code redis://:<password>@127.0.0.1:<port>}. */
    public String uri() {
        return "redis://:" + password + "@127.0.0.1:" + port;
    }

    /** Starts the server (again) on its port and waits until it accepts connections. */
    public void start() throws IOException {
        Path log = dir.resolve("redis-" + port + ".log");
        Files.deleteIfExists(log);
        process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", bind, "--save", "",
                "--appendonly", "no", "--requirepass", password, "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            for (int i = 0; i < 200 && !(Files.exists(log) && Files.readString(log).contains("Ready to accept")); i++) {
                Thread.sleep(25);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server and waits until it has gone. */
    public void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
