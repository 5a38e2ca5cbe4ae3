package io.stackkeeper.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/alerts} (everyone signed in), {@code /api/v1/maintenance} (the ops team sets and ends windows) and
 * {@code /api/v1/notifiers} (the ops team reads and tests them, an admin changes them), with the page's roles.
 */
@RestController
class AlertsApi {

    private final MonitoringService monitoring;

    AlertsApi(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @GetMapping("/api/v1/alerts")
    List<AlertView> alerts(@RequestParam(defaultValue = "false") boolean recent) {
        return monitoring.alerts(recent);
    }

    /** A window as a script sends it. */
    record WindowBody(Set<ProbeComponent> components, Instant startsAt, Instant endsAt, String reason) {
    }

    @GetMapping("/api/v1/maintenance")
    List<MaintenanceView> windows() {
        return monitoring.maintenanceWindows();
    }

    @PostMapping("/api/v1/maintenance")
    @ResponseStatus(HttpStatus.CREATED)
    MaintenanceView setWindow(@RequestBody WindowBody body) {
        return monitoring.setMaintenance(body.components(), body.startsAt() == null ? Instant.now() : body.startsAt(), body.endsAt(), body.reason());
    }

    @DeleteMapping("/api/v1/maintenance/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endWindow(@PathVariable long id) {
        monitoring.endMaintenance(id);
    }

    @GetMapping("/api/v1/notifiers")
    List<NotifierView> notifiers() {
        return monitoring.notifiers();
    }

    @PostMapping("/api/v1/notifiers")
    @ResponseStatus(HttpStatus.CREATED)
    NotifierView create(@RequestBody NotifierSettings settings) {
        return monitoring.saveNotifier(null, settings);
    }

    @PutMapping("/api/v1/notifiers/{id}")
    NotifierView change(@PathVariable long id, @RequestBody NotifierSettings settings) {
        return monitoring.saveNotifier(id, settings);
    }

    @DeleteMapping("/api/v1/notifiers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        monitoring.deleteNotifier(id);
    }

    @PostMapping("/api/v1/notifiers/{id}/test")
    Map<String, Object> test(@PathVariable long id) {
        String problem = monitoring.testNotifier(id);
        return problem == null ? Map.of("sent", true) : Map.of("sent", false, "error", problem);
    }

    @GetMapping("/api/v1/notifications")
    List<NotificationView> notifications() {
        return monitoring.notifications();
    }
}
