package io.stackkeeper.logs;

import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/incidents} (newest first, without lines) and {@code GET /api/v1/incidents/{id}} (with its last lines). OPERATOR and ADMIN. */
@RestController
class IncidentsApi {

    private final LogService logs;

    IncidentsApi(LogService logs) {
        this.logs = logs;
    }

    @GetMapping("/api/v1/incidents")
    List<IncidentView> incidents(@RequestParam(defaultValue = "100") int limit) {
        return logs.incidents(limit);
    }

    @GetMapping("/api/v1/incidents/{id}")
    IncidentView incident(@PathVariable long id) {
        return logs.incident(id).orElseThrow(() -> new NoSuchElementException("No incident " + id + "."));
    }
}
