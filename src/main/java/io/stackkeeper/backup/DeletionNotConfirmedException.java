package io.stackkeeper.backup;

import java.util.List;

/** A change after which retention would delete sets, not confirmed yet: the sets that would go are named. */
public class DeletionNotConfirmedException extends IllegalStateException {

    private final transient List<String> sets;

    DeletionNotConfirmedException(String change, List<String> sets) {
        super(change + " would let retention delete " + (sets.isEmpty() ? "sets" : sets.size() + " set" + (sets.size() == 1 ? "" : "s")
                + " (" + String.join(", ", sets) + ")") + ": confirm the deletion to go ahead.");
        this.sets = List.copyOf(sets);
    }

    /** The ids of the sets that would go. */
    public List<String> sets() {
        return sets;
    }
}
