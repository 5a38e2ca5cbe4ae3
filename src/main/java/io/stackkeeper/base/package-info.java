/**
 * The shared kernel: the data folder, encryption of secrets at rest, the event contract that the audit trail
 * records, REST error handling, and the main layout every page sits in.
 */
package io.stackkeeper.base;
