/**
 * Upgrades of the stack's backend and frontend: the release catalog of breaking changes, the planner that turns a
 * target into ordered, checked steps, requests with four-eyes approval, the rollout and its rollback.
 */
package io.stackkeeper.upgrade;
