/**
 * The stack the portal administers: the backend and frontend containers on a Docker-API engine, MongoDB, Redis,
 * the image registry and the storage folder. Holds the stack settings and reads every component's facts.
 */
package io.stackkeeper.stack;
