package io.stackkeeper.stack;

import io.stackkeeper.base.FieldsRefusedException;
import java.util.Map;

/** Stack settings that cannot be saved; field names are those of {@link StackSettingsChange}. */
public class SettingsRefusedException extends FieldsRefusedException {

    public SettingsRefusedException(Map<String, String> fieldErrors) {
        super("Some settings are not valid", fieldErrors);
    }
}
