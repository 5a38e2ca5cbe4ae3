/**
 * The audit trail: an append-only, hash-chained record of every state-changing action, fed by the features'
 * events, searchable in the UI and the API, exportable as CSV and verifiable end to end.
 */
package io.stackkeeper.audit;
