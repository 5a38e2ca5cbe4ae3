/**
 * Monitoring of the stack: probes of every check the vendor's page lists (HTTP, TCP, MongoDB, Redis, containers, the
 * host, backup freshness) run on their intervals, with Nagios states and thresholds, the alerting memory of each
 * (alert after, recover after, flapping), results kept small by aggregation, and the Nagios plugin output.
 */
package io.stackkeeper.monitoring;
