package io.stackkeeper.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A card that a feature adds to the dashboard. Implementations are Spring beans; each renders a fresh component for
 * the signed-in user, or nothing when that user may not see it.
 */
public interface DashboardCard {

    /** Position on the dashboard; lower comes first. */
    int order();

    Optional<Component> render();
}
