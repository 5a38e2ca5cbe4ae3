package io.stackkeeper.monitoring;

import java.time.Instant;
import java.util.Set;

/** A maintenance window: set by hand, or opened by itself while a backup, drill, restore or upgrade runs ({@code automatic}). */
public record MaintenanceView(long id, Set<ProbeComponent> components, Instant startsAt, Instant endsAt, String reason, String createdBy,
        boolean automatic) {
}
