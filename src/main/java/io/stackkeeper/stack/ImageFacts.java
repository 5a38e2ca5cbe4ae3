package io.stackkeeper.stack;

import java.time.Instant;
import java.util.List;

/** An image present on the engine. */
public record ImageFacts(String id, List<String> tags, List<String> digests, Instant created, long size) {
}
