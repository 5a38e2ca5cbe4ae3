/**
 * The stack the portal administers: the backend and frontend containers on a Docker-API engine, MongoDB, Redis,
 * the image registry and the storage folder. Holds the stack settings (secrets sealed), tests connections, reads every
 * component's facts within a timeout, and does the work backups, restores and upgrades need on the stack: claims,
 * stopping, recreating and re-imaging containers, pulls, MongoDB's FCV, health waits and log tails; also the demo stack.
 */
package io.stackkeeper.stack;
