package io.stackkeeper.stack;

import io.stackkeeper.base.FeatureApi;

/** Held while work runs on the stack; closing it lets other work start. */
@FeatureApi
public interface StackClaim extends AutoCloseable {

    @Override
    void close();
}
