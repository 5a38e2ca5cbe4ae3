package io.stackkeeper.logs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the kept lines are forwarded, for teams with ELK or another syslog receiver (RFC 5424, octet-counted frames).
 *
 * @param target {@code tcp://host:port} or {@code tls://host:port} ({@code STACKKEEPER_LOGS_FORWARD_TARGET}); empty:
 *        nothing is forwarded
 * @param caFile for {@code tls}: a PEM file of the certificates that may sign the receiver's (default: the JVM's own);
 *        the receiver's name is checked against its certificate either way
 * @param hostname the HOSTNAME of each message (default: this machine's name)
 * @param facility the syslog facility of each message (default 16, local0)
 * @param backfill how far back the first forwarding reaches into the kept lines (default 1 hour); later it resumes
 *        from where it stopped
 * @param maxMessage the longest message sent; a longer line is cut and marked (default 64 KB)
 */
@ConfigurationProperties("stackkeeper.logs.forward")
record LogForwardingProperties(URI target, Path caFile, String hostname, @DefaultValue("16") int facility,
        @DefaultValue("1h") Duration backfill, @DefaultValue("64KB") DataSize maxMessage) {

    LogForwardingProperties {
        if (target != null && target.toString().isBlank()) {
            target = null;
        }
        if (target != null && (!"tcp".equals(target.getScheme()) && !"tls".equals(target.getScheme())
                || target.getHost() == null || target.getPort() < 1)) {
            throw new IllegalArgumentException("stackkeeper.logs.forward.target must be tcp://host:port or tls://host:port, not " + target);
        }
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("stackkeeper.logs.forward.facility is a syslog facility, 0 to 23, not " + facility);
        }
        if (maxMessage.toBytes() < 2048 || maxMessage.toBytes() > (1 << 20)) {
            throw new IllegalArgumentException("stackkeeper.logs.forward.max-message is 2 KB (what every receiver takes) to 1 MB, not " + maxMessage);
        }
    }

    boolean enabled() {
        return target != null;
    }
}
