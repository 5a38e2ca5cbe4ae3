package io.stackkeeper.monitoring;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * {@code /api/v1/probes}: probes with their states, results and uptime for everyone signed in; the ops team adds,
 * changes, deletes and runs them. {@code /api/v1/checks/{probe}/nagios}: a probe (by id or name) as a Nagios plugin
 * prints it, for Nagios, Icinga, Shinken or Zabbix through {@code scripts/check_stackkeeper}.
 */
@RestController
class ProbesApi {

    private final MonitoringService monitoring;

    ProbesApi(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    /** A probe as the list shows it. */
    record Summary(long id, String name, ProbeComponent component, ProbeKind kind, ProbeState state, String message, boolean flapping,
            boolean inMaintenance) {
    }

    @GetMapping("/api/v1/probes")
    List<Summary> list() {
        return monitoring.probes().stream().map(p -> new Summary(p.id(), p.name(), p.component(), p.kind(), p.state(), p.message(),
                p.flapping(), p.inMaintenance())).toList();
    }

    @GetMapping("/api/v1/probes/{id}")
    ProbeView get(@PathVariable long id) {
        return monitoring.probe(id);
    }

    @GetMapping("/api/v1/probes/{id}/results")
    List<ResultPoint> results(@PathVariable long id, @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        Instant end = to == null ? Instant.now() : to;
        return monitoring.results(id, from == null ? end.minusSeconds(3600) : from, end);
    }

    @GetMapping("/api/v1/probes/{id}/uptime")
    Uptime uptime(@PathVariable long id) {
        return monitoring.uptime(id);
    }

    @PostMapping("/api/v1/probes")
    @ResponseStatus(HttpStatus.CREATED)
    ProbeView create(@RequestBody ProbeSettings settings) {
        return monitoring.createProbe(settings);
    }

    @PutMapping("/api/v1/probes/{id}")
    ProbeView change(@PathVariable long id, @RequestBody ProbeSettings settings) {
        return monitoring.changeProbe(id, settings);
    }

    @DeleteMapping("/api/v1/probes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        monitoring.deleteProbe(id);
    }

    @PostMapping("/api/v1/probes/{id}/check")
    ProbeOutcome check(@PathVariable long id) {
        return monitoring.checkNow(id);
    }

    @GetMapping(value = "/api/v1/checks/{probe}/nagios", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> nagios(@PathVariable String probe) {
        NagiosCheck check = probe.matches("\\d{1,18}") ? monitoring.nagios(Long.parseLong(probe)) : monitoring.nagios(probe);
        return ResponseEntity.ok().header("X-Nagios-Exit-Code", String.valueOf(check.exitCode())).body(check.text());
    }
}
