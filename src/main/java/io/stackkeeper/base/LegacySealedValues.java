package io.stackkeeper.base;

import java.util.List;

/** Values sealed by an earlier release, so that the first start with a per-install key can prove the secret on them. */
public interface LegacySealedValues {

    List<String> sealedValues();
}
