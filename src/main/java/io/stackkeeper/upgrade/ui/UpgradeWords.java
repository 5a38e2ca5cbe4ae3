package io.stackkeeper.upgrade.ui;

import com.vaadin.flow.component.html.Span;
import io.stackkeeper.upgrade.RequestStatus;
import io.stackkeeper.upgrade.UpgradeRequestRecord;

/** How the upgrade pages write a request's status, its versions and a count of breaking changes. */
final class UpgradeWords {

    private UpgradeWords() {
    }

    static Span statusBadge(RequestStatus status) {
        Span badge = new Span(status.name().toLowerCase().replace('_', ' '));
        badge.getElement().getThemeList().add(switch (status) {
            case APPROVED, SUCCEEDED -> "badge success";
            case REJECTED, FAILED, FAILED_ROLLED_BACK -> "badge error";
            case RUNNING -> "badge primary";
            default -> "badge";
        });
        return badge;
    }

    /** {@code 89.0.0 → 90.0.0} when backend and frontend move together, else both pairs. */
    static String fromTo(UpgradeRequestRecord r) {
        boolean together = r.fromBackend().equals(r.fromFrontend()) && r.toBackend().equals(r.toFrontend());
        return together ? r.fromBackend() + " → " + r.toBackend() : r.from() + " → " + r.to();
    }

    static String changes(int count) {
        return count + (count == 1 ? " breaking change" : " breaking changes");
    }
}
