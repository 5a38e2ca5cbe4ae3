package io.stackkeeper.base;

import java.util.Map;

/** Input that cannot be saved; each refused field has its own message, shown next to it. */
public class FieldsRefusedException extends IllegalArgumentException {

    private final transient Map<String, String> fieldErrors;

    public FieldsRefusedException(String summary, Map<String, String> fieldErrors) {
        super(summary + ": " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Field name to the reason it was refused. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
