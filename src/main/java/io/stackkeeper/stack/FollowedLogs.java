package io.stackkeeper.stack;

import java.io.Closeable;
import java.io.IOException;

/**
 * A container's output being followed: which container (its id changes when it is recreated), and the handle that
 * stops the following.
 */
public record FollowedLogs(String containerId, String containerName, Closeable handle) implements Closeable {

    @Override
    public void close() throws IOException {
        handle.close();
    }
}
