package io.stackkeeper.stack;

/**
 * Every component of the stack at one moment, as {@code GET /api/v1/stack} returns it.
 *
 * @param compatible backend and frontend majors are equal; {@code null} when either version is unknown
 * @param floatingTags backend or frontend runs from a tag that is not a pinned version
 */
public record StackOverview(boolean configured, boolean demo, StackFacts<EngineInfo> engine,
        StackFacts<ContainerFacts> backend, StackFacts<ContainerFacts> frontend, StackFacts<MongoFacts> mongo,
        StackFacts<RedisFacts> redis, String storageHostPath, Boolean compatible, boolean floatingTags) {
}
