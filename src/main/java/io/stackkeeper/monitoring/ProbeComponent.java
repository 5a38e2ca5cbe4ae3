package io.stackkeeper.monitoring;

import java.util.Set;

/** The part of the stack a probe watches, and the parts it cannot work without (its failures fold into theirs). */
public enum ProbeComponent {
    HOST("host"), ENGINE("container engine"), MONGODB("MongoDB"), REDIS("Redis"), BACKEND("backend"), FRONTEND("frontend"),
    BACKUPS("backups");

    private final String label;

    ProbeComponent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The components this one needs: the backend needs MongoDB and Redis, everything needs the engine and the host. */
    public Set<ProbeComponent> dependsOn() {
        return switch (this) {
            case HOST -> Set.of();
            case ENGINE -> Set.of(HOST);
            case MONGODB, REDIS, FRONTEND, BACKUPS -> Set.of(HOST, ENGINE);
            case BACKEND -> Set.of(HOST, ENGINE, MONGODB, REDIS);
        };
    }
}
