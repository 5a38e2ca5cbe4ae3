/**
 * Who may do what: users with their roles and passwords, login with lockout, API tokens, and the web and API
 * security chains. Services elsewhere gate their methods with {@link io.stackkeeper.security.Roles}.
 */
package io.stackkeeper.security;
