package io.stackkeeper.stack;

/** How the portal finds the backend and frontend containers. */
public enum ContainerLookup {
    /** By container name. */
    NAME,
    /** By the labels docker compose puts on a project's service containers. */
    COMPOSE
}
