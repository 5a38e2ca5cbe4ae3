package io.stackkeeper.stack;

/**
 * Every component of the stack at one moment, as {@code GET /api/v1/stack} returns it.
 *
 * @param compatible backend and frontend majors are equal; {@code null} when either version is unknown
 * @param floatingTags backend or frontend runs from a tag that is not a pinned version
 */
public record StackOverview(boolean configured, boolean demo, ComponentReading<EngineInfo> engine,
        ComponentReading<ContainerFacts> backend, ComponentReading<ContainerFacts> frontend, ComponentReading<MongoFacts> mongo,
        ComponentReading<RedisFacts> redis, String storageHostPath, Boolean compatible, boolean floatingTags) {
}
