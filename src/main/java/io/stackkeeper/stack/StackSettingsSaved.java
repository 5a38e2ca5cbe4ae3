package io.stackkeeper.stack;

/** Published after the stack settings were saved, by a user or for the demo stack. */
public record StackSettingsSaved(boolean demo) {
}
