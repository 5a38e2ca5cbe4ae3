package io.stackkeeper.upgrade;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/upgrades/plan?backend=&frontend=}: the upgrade plan towards these versions. */
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
}
