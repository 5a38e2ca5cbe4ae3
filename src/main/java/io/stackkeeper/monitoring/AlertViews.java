package io.stackkeeper.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Alerts as the pages and the API read them: with their probe's name and, when folded, their root cause in words. */
@Component
record AlertViews(AlertRepository alerts, ProbeRepository probes, Alerting alerting, Clock clock) {

    /** The open alerts, newest first; with {@code recent}, also those closed in the last 7 days. */
    List<AlertView> list(boolean recent) {
        List<Alert> shown = recent ? alerts.findByOpenedAtAfterOrderByOpenedAtDesc(clock.instant().minus(Duration.ofDays(7)))
                : alerts.findByClosedAtIsNullOrderByOpenedAtDesc();
        Map<Long, String> names = probes.findAllById(shown.stream().map(a -> a.probeId).distinct().toList()).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p.name, (a, b) -> a));
        Map<Long, Optional<String>> causes = new HashMap<>();
        return shown.stream().map(a -> a.view(names.getOrDefault(a.probeId, "?"), rootCause(a, causes))).toList();
    }

    List<AlertView> ofProbe(long probe) {
        String name = probes.findById(probe).map(p -> p.name).orElse("?");
        Map<Long, Optional<String>> causes = new HashMap<>();
        return alerts.findByProbeIdOrderByOpenedAtDesc(probe).stream().limit(50).map(a -> a.view(name, rootCause(a, causes))).toList();
    }

    /** Many alerts fold into one root: its words are looked up once per list. */
    private String rootCause(Alert alert, Map<Long, Optional<String>> causes) {
        return alert.foldedInto == null ? null
                : causes.computeIfAbsent(alert.foldedInto, root -> Optional.ofNullable(alerting.rootCauseWords(alert))).orElse(null);
    }

}
