package io.stackkeeper.stack;

import java.util.Map;

/** Stack settings that cannot be saved; each refused field has its own message, shown next to it. */
public class SettingsRefusedException extends IllegalArgumentException {

    private final transient Map<String, String> fieldErrors;

    public SettingsRefusedException(Map<String, String> fieldErrors) {
        super("Some settings are not valid: " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Field name (as in {@link StackSettingsChange}) to the reason it was refused. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
