package io.stackkeeper.upgrade;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PutMapping;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/upgrades}: the plan towards given versions, requests with acknowledgements, four-eyes decisions, the
 * start of an approved upgrade, the history (JSON and CSV) and the release catalog, with the same role rules as the pages.
 */
@RestController
@RequestMapping("/api/v1/upgrades")
class UpgradesApi {

    record ChangeView(String id, String title) {
    }

    record CheckView(String name, CheckStatus status, String reason) {
    }

    record StepView(String backend, String frontend, List<ChangeView> breakingChanges, String featureCompatibilityVersion,
            List<CheckView> checks) {
    }

    record PlanView(String from, String to, List<StepView> steps, boolean blocked) {
    }

    record NewRequest(String backend, String frontend, String reason, Instant windowStart, Instant windowEnd,
            List<String> acknowledgements) {
    }

    record Created(long id, RequestStatus status) {
    }

    record Decision(String reason) {
    }

    private final UpgradeService upgrades;

    UpgradesApi(UpgradeService upgrades) {
        this.upgrades = upgrades;
    }

    @GetMapping("/plan")
    PlanView plan(@RequestParam(required = false) String backend, @RequestParam(required = false) String frontend) {
        UpgradePlan plan = upgrades.plan(backend, frontend);
        return new PlanView(plan.from().toString(), plan.to().toString(), plan.steps().stream().map(step -> new StepView(
                step.backend().toString(), step.frontend().toString(),
                step.breakingChanges().stream().map(change -> new ChangeView(change.id(), change.title())).toList(),
                step.featureCompatibilityVersion() == null ? null : step.featureCompatibilityVersion().toString(),
                step.checks().stream().map(check -> new CheckView(check.name(), check.status(), check.reason())).toList())).toList(),
                plan.blocked());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody NewRequest request) {
        UpgradeRequestRecord created = upgrades.requestUpgrade(request.backend(), request.frontend(), request.reason(), request.windowStart(),
                request.windowEnd(), request.acknowledgements());
        return new Created(created.id(), created.status());
    }

    @GetMapping
    List<UpgradeRequestRecord> list(@RequestParam(required = false) RequestStatus status, @RequestParam(required = false) String person,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant until) {
        return upgrades.requests(new RequestQuery(status, person, from, until));
    }

    @GetMapping(value = "/history.csv", produces = "text/csv")
    void csv(@RequestParam(required = false) RequestStatus status, @RequestParam(required = false) String person,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant until, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"upgrades.csv\"");
        upgrades.exportCsv(new RequestQuery(status, person, from, until), response.getWriter());
    }

    @PostMapping("/{id}/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    UpgradeRequestRecord start(@PathVariable long id) {
        return upgrades.start(id);
    }

    @GetMapping("/catalog")
    List<CatalogVersion> catalogHistory() {
        return upgrades.catalogHistory();
    }

    @GetMapping(value = "/catalog/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    String catalogText(@PathVariable long id) {
        return upgrades.catalogText(id);
    }

    @PutMapping(value = "/catalog", consumes = MediaType.APPLICATION_JSON_VALUE)
    CatalogVersion replaceCatalog(@RequestBody String json) {
        return upgrades.replaceCatalog(json);
    }

    @GetMapping("/{id}")
    UpgradeRequestRecord get(@PathVariable long id) {
        return upgrades.request(id).orElseThrow(() -> new NoSuchElementException("There is no upgrade request " + id + "."));
    }

    @PostMapping("/{id}/approve")
    UpgradeRequestRecord approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return upgrades.approve(id, decision == null ? null : decision.reason());
    }

    @PostMapping("/{id}/reject")
    UpgradeRequestRecord reject(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return upgrades.reject(id, decision == null ? null : decision.reason());
    }

    @PostMapping("/{id}/withdraw")
    UpgradeRequestRecord withdraw(@PathVariable long id) {
        return upgrades.withdraw(id);
    }
}
