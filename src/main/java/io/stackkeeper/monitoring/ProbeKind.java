package io.stackkeeper.monitoring;

/** What a probe does, and what its target is. */
public enum ProbeKind {
    /** GET (or another method) of a URL: status, headers, body, latency and the certificate's days left. */
    HTTP("URL"),
    /** A TCP connection to {@code host:port}. */
    TCP("host:port"),
    /** The container engine's ping and identity. */
    ENGINE(""),
    /** MongoDB with the configured URI: connect, authenticate, ping, version. */
    MONGODB(""),
    /** Redis with the configured URI: PING and INFO. */
    REDIS(""),
    /** The backend's or frontend's container: running, health, restarts, OOM kill, exit code. */
    CONTAINER("backend or frontend"),
    /** The portal's own host (disk, inodes, load, CPU, memory, swap, disk IO, RAID, sensors), by option {@code metric}. */
    HOST(""),
    /** Another host through its Prometheus node_exporter, same metrics. */
    NODE_EXPORTER("metrics URL"),
    /** The age of a backup plan's newest successful set against its schedule. */
    BACKUP_FRESHNESS("plan name");

    private final String target;

    ProbeKind(String target) {
        this.target = target;
    }

    /**
     * Whether this kind tells if its component is up at all (a refused port, a stopped container): only such probes are
     * the root cause other components' failures fold into; a full disk or an old backup is not "down".
     */
    public boolean availability() {
        return this != HOST && this != NODE_EXPORTER && this != BACKUP_FRESHNESS;
    }

    /** What the target field holds for this kind, empty when it has none. */
    public String target() {
        return target;
    }
}
