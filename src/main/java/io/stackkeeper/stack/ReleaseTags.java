package io.stackkeeper.stack;

import java.util.List;

/** The tags of the backend and frontend images known to the registry and to the engine, pinned or floating. */
public record ReleaseTags(List<String> backend, List<String> frontend) {
}
