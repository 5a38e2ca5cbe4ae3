/**
 * The stack's logs: each container's lines read from the engine into time, level, logger, message and fields (JSON
 * of any common vendor, or plain text), stack traces folded into the line they belong to, and the filter typed above
 * the logs page (words, phrases, patterns, fields, levels) applied on the server.
 */
package io.stackkeeper.logs;
