package io.stackkeeper.monitoring;

import io.stackkeeper.security.SystemActor;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Runs one probe as the portal itself and turns what its check saw into an outcome: the check's own state, or the
 * thresholds' judgement of its first measure. A check that cannot run is UNKNOWN; a target that fails is CRITICAL.
 */
@Component
record ProbeRunner(HttpCheck http, TcpCheck tcp, StackChecks stack, HostCheck host, BackupFreshnessCheck backups, Clock clock) {

    ProbeOutcome run(ProbeDefinition probe) {
        long start = System.nanoTime();
        Finding finding;
        try {
            finding = SystemActor.call(() -> check(probe));
        } catch (CheckUnavailableException e) {
            finding = new Finding(ProbeState.UNKNOWN, e.getMessage(), List.of());
        } catch (RuntimeException e) {
            finding = Finding.failed(describe(e));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        ProbeState state = finding.state() != null ? finding.state()
                : finding.measures().isEmpty() || Double.isNaN(finding.measures().get(0).value()) ? ProbeState.OK
                : probe.thresholds().judge(finding.measures().get(0).value());
        return new ProbeOutcome(state, finding.message(), millis, finding.measures(), clock.instant());
    }

    private Finding check(ProbeDefinition probe) {
        try {
            return switch (probe.settings().kind()) {
                case HTTP -> http.check(probe);
                case TCP -> tcp.check(probe);
                case ENGINE -> stack.engine();
                case MONGODB -> stack.mongo();
                case REDIS -> stack.redis();
                case CONTAINER -> stack.container(probe);
                case HOST, NODE_EXPORTER -> host.check(probe);
                case BACKUP_FRESHNESS -> backups.check(probe);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckUnavailableException("Interrupted: the portal is stopping.");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(describe(e), e);
        }
    }

    /** A failure in the ops team's words: refused, timed out, or the message itself. */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && (cause.getMessage() == null || cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
            return "no answer within the timeout";
        }
        if (cause instanceof java.net.UnknownHostException) {
            return "unknown host " + cause.getMessage();
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return "TLS failed: " + cause.getMessage();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
