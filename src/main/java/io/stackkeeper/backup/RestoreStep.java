package io.stackkeeper.backup;

/**
 * One step of a restore as the page shows it.
 *
 * @param number 1 to 7
 * @param message what the step did (while running: how far it got), or why it failed and how to go back
 */
public record RestoreStep(int number, String title, State state, String message) {

    public enum State { PENDING, RUNNING, DONE, SKIPPED, FAILED }

    public static final java.util.List<String> TITLES = java.util.List.of("Check the set and stage its storage folder", "Safety backup of the current state", "Stop the backend",
            "Restore MongoDB", "Swap in the storage folder", "Recreate the backend", "Start and check the backend");
}
