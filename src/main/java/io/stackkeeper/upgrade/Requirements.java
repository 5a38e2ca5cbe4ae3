package io.stackkeeper.upgrade;

import io.stackkeeper.stack.Version;
import java.util.List;

/**
 * What a breaking change asks of the stack, in a form the planner can check.
 *
 * @param minimumMongo the oldest MongoDB series the release runs on, or {@code null}
 * @param featureCompatibilityVersion the FCV to set when reaching the release, or {@code null}
 * @param requiredEnvironment variables the backend container must define from this release on
 * @param mandatoryStop a version the stack must have reached before it may cross this release, or {@code null}
 */
public record Requirements(MongoVersion minimumMongo, MongoVersion featureCompatibilityVersion,
        List<String> requiredEnvironment, Version mandatoryStop) {

    public static final Requirements NONE = new Requirements(null, null, List.of(), null);

    public Requirements {
        requiredEnvironment = List.copyOf(requiredEnvironment);
    }
}
