package io.stackkeeper.logs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Debian's rsyslogd as the test's own syslog receiver on a free loopback port, over TCP or TLS (GnuTLS, anonymous
 * clients), writing each message as {@code severity|app-name|hostname|structured-data|msg} to a file; it can be killed
 * and started again on the same port.
 */
final class Rsyslog implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final TestCertificates tls;
    private Process process;

    Rsyslog(Path dir, TestCertificates tls) throws IOException {
        this.dir = dir;
        this.tls = tls;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        Files.writeString(dir.resolve("rsyslog.conf"), config());
        start();
    }

    int port() {
        return port;
    }

    Path output() {
        return dir.resolve("received.log");
    }

    /** Starts the receiver (again) and waits until it accepts connections. */
    void start() throws IOException {
        process = new ProcessBuilder("rsyslogd", "-n", "-f", dir.resolve("rsyslog.conf").toString(), "-i", dir.resolve("rsyslog.pid").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rsyslogd.out").toFile())).start();
        Instant until = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(until)) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause(50);
            }
        }
        throw new IOException("rsyslogd did not listen on " + port + ": " + Files.readString(dir.resolve("rsyslogd.out")));
    }

    /** Kills the receiver at once, as a crash would. */
    void kill() throws InterruptedException, IOException {
        process.destroyForcibly().waitFor();
        Files.deleteIfExists(dir.resolve("rsyslog.pid"));
    }

    /** The messages received so far, one a line (rsyslog writes a line break in a message as {@code #012}). */
    List<String> received() throws IOException {
        return Files.exists(output()) ? Files.readAllLines(output(), StandardCharsets.UTF_8) : List.of();
    }

    /** Waits up to ten seconds until the messages received satisfy the condition; answers them either way. */
    List<String> await(Predicate<List<String>> done) throws IOException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        List<String> seen = received();
        while (!done.test(seen) && Instant.now().isBefore(until)) {
            pause(100);
            seen = received();
        }
        return seen;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (process != null) {
            kill();
        }
    }

    private String config() {
        String global = "global(workDirectory=\"" + dir + "\" maxMessageSize=\"256k\""
                + (tls == null ? "" : " defaultNetstreamDriverCAFile=\"" + tls.caFile + "\" defaultNetstreamDriverCertFile=\""
                        + tls.certFile + "\" defaultNetstreamDriverKeyFile=\"" + tls.keyFile + "\"")
                + ")\n";
        String module = tls == null ? "module(load=\"imtcp\")\n"
                : "module(load=\"imtcp\" streamDriver.name=\"gtls\" streamDriver.mode=\"1\" streamDriver.authMode=\"anon\")\n";
        return global + module
                + "input(type=\"imtcp\" port=\"" + port + "\" address=\"127.0.0.1\")\n"
                + "template(name=\"fields\" type=\"string\" string=\"%syslogseverity%|%app-name%|%hostname%|%structured-data%|%msg%\\n\")\n"
                + "action(type=\"omfile\" file=\"" + output() + "\" template=\"fields\")\n";
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
