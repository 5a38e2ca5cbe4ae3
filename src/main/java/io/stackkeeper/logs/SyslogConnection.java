package io.stackkeeper.logs;

import io.stackkeeper.base.DaemonThreads;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * One connection to a syslog receiver, over TCP or TLS (the receiver's certificate checked against the CA file or the
 * JVM's trust, and its name against the certificate). A receiver sends nothing back, so {@link #alive} looks for the
 * end of the stream the receiver closed before frames are written to it.
 */
final class SyslogConnection implements Closeable {

    private static final int CONNECT_MILLIS = 5_000;
    private static final int WRITE_MILLIS = 30_000;
    private static final long MOST_CA_BYTES = 1 << 20;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("syslog-write-watchdog"));

    private final Socket socket;
    /** The TCP connection under a TLS one: closing it never waits for a TLS write that is stuck. */
    private final Socket plain;
    private final OutputStream out;
    private final InputStream in;
    private volatile boolean timedOut;

    private SyslogConnection(Socket socket, Socket plain) throws IOException {
        this.socket = socket;
        this.plain = plain;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.in = socket.getInputStream();
    }

    static SyslogConnection open(URI target, Path caFile) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(target.getHost(), target.getPort()), CONNECT_MILLIS);
            plain.setSoTimeout(WRITE_MILLIS);
            plain.setKeepAlive(true);
            if (!"tls".equals(target.getScheme())) {
                return new SyslogConnection(plain, plain);
            }
            SSLSocket tls = (SSLSocket) tlsContext(caFile).getSocketFactory().createSocket(plain, target.getHost(), target.getPort(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return new SyslogConnection(tls, plain);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** Whether the receiver still holds the connection: it sends nothing, so anything but a wait means it went. */
    boolean alive() {
        try {
            socket.setSoTimeout(1);
            try {
                return in.read() >= 0;
            } finally {
                socket.setSoTimeout(WRITE_MILLIS);
            }
        } catch (SocketTimeoutException waiting) {
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    /**
     * Writes the frames and flushes them. A receiver that stops reading would hold the write for good: past
     * {@value #WRITE_MILLIS} ms the connection is closed under it, and the write fails.
     */
    void send(List<byte[]> frames) throws IOException {
        ScheduledFuture<?> guard = WATCHDOG.schedule(this::abandon, WRITE_MILLIS, TimeUnit.MILLISECONDS);
        try {
            for (byte[] frame : frames) {
                out.write(frame);
            }
            out.flush();
        } catch (IOException e) {
            throw timedOut ? new IOException("the receiver took nothing for " + WRITE_MILLIS / 1000 + " s", e) : e;
        } finally {
            guard.cancel(false);
        }
    }

    /** Closes the TCP connection (without TLS's goodbye, which could wait for a stuck write). */
    @Override
    public void close() {
        try {
            plain.close();
        } catch (IOException e) {
            // closed either way
        }
    }

    /** Drops the connection at once (a reset), which ends a write the receiver holds up. */
    private void abandon() {
        timedOut = true;
        try {
            plain.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed already
        }
        close();
    }

    private static SSLContext tlsContext(Path caFile) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (caFile == null) {
                context.init(null, null, null);
                return context;
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate : caCertificates(caFile)) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("The TLS settings of the log forwarding do not work: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> caCertificates(Path caFile) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(caFile) || Files.size(caFile) > MOST_CA_BYTES) {
            throw new IOException("The log forwarding's CA file " + caFile + " is not a regular file of at most 1 MB");
        }
        try (InputStream pem = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(pem);
            if (certificates.isEmpty()) {
                throw new IOException("The log forwarding's CA file " + caFile + " holds no certificate");
            }
            return certificates;
        }
    }
}
