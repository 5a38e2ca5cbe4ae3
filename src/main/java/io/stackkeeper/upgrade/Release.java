package io.stackkeeper.upgrade;

import io.stackkeeper.stack.Version;
import java.util.List;

/**
 * A release of the stack listed in the catalog.
 *
 * @param name the release's nickname ("Helpless Supernova"), or an empty string
 */
public record Release(Version version, String name, List<BreakingChange> breakingChanges) {

    public Release {
        name = name == null ? "" : name;
        breakingChanges = List.copyOf(breakingChanges);
    }
}
