package io.stackkeeper.upgrade;

import io.stackkeeper.stack.Version;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The releases known to carry breaking changes, oldest first.
 *
 * @param catalogVersion the format of the catalog file
 * @param revision the revision of its contents: each published change has a higher one
 */
public record ReleaseCatalog(int catalogVersion, int revision, List<Release> releases) {

    public ReleaseCatalog {
        releases = releases.stream().sorted(Comparator.comparing(Release::version)).toList();
    }

    public Optional<Release> release(Version version) {
        return releases.stream().filter(r -> r.version().equals(version)).findFirst();
    }

    public boolean lists(Version version) {
        return release(version).isPresent();
    }

    /** The breaking changes of the releases after {@code from} up to and including {@code to}, oldest first. */
    public List<BreakingChange> crossedBetween(Version from, Version to) {
        return changesOf(r -> r.version().compareTo(from) > 0 && r.version().compareTo(to) <= 0);
    }

    /** The breaking changes of every release up to and including {@code version}: what a stack at that version lives with. */
    public List<BreakingChange> inEffectAt(Version version) {
        return changesOf(r -> r.version().compareTo(version) <= 0);
    }

    private List<BreakingChange> changesOf(Predicate<Release> which) {
        return releases.stream().filter(which).flatMap(r -> r.breakingChanges().stream()).toList();
    }
}
