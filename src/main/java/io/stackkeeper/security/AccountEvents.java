package io.stackkeeper.security;

import io.stackkeeper.base.AuditableEvent;
import io.stackkeeper.base.Outcome;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What happens to accounts, sign-ins and tokens; the audit trail records each. */
final class AccountEvents {

    private AccountEvents() {
    }

    private static Set<String> names(Set<Role> roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(role -> names.add(role.name()));
        return names;
    }

    record UserCreated(String target, Set<Role> roles) implements AuditableEvent {
        public String action() {
            return "user.created";
        }

        public Map<String, Object> details() {
            return Map.of("roles", names(roles));
        }
    }

    record UserRolesChanged(String target, Set<Role> before, Set<Role> after) implements AuditableEvent {
        public String action() {
            return "user.roles-changed";
        }

        public Map<String, Object> details() {
            return Map.of("before", names(before), "after", names(after));
        }
    }

    record UserEnabledChanged(String target, boolean enabled) implements AuditableEvent {
        public String action() {
            return enabled ? "user.enabled" : "user.disabled";
        }
    }

    record PasswordReset(String target, int tokensRevoked) implements AuditableEvent {
        public String action() {
            return "user.password-reset";
        }

        public Map<String, Object> details() {
            return Map.of("tokensRevoked", tokensRevoked);
        }
    }

    record PasswordChanged(String target, Outcome outcome, String reason) implements AuditableEvent {
        public String action() {
            return "user.password-changed";
        }

        public Map<String, Object> details() {
            return reason == null ? Map.of() : Map.of("reason", reason);
        }
    }

    record LoginSucceeded(String target, String via, String clientAddress) implements AuditableEvent {
        public String action() {
            return "login.succeeded";
        }

        public String actor() {
            return target;
        }

        public Map<String, Object> details() {
            return Map.of("via", via);
        }
    }

    record LoginFailed(String target, String via, String reason, String clientAddress) implements AuditableEvent {
        public String action() {
            return "login.failed";
        }

        public String actor() {
            return target;
        }

        public Outcome outcome() {
            return Outcome.FAILURE;
        }

        public Map<String, Object> details() {
            return Map.of("via", via, "reason", reason);
        }
    }

    record UsernameLocked(String target, Instant until, String clientAddress) implements AuditableEvent {
        public String action() {
            return "login.locked";
        }

        public String actor() {
            return "system";
        }

        public Outcome outcome() {
            return Outcome.DENIED;
        }

        public Map<String, Object> details() {
            return Map.of("lockedUntil", until.toString(), "failures", LoginAttempts.MAX_FAILURES,
                    "windowMinutes", LoginAttempts.WINDOW.toMinutes());
        }
    }

    record ApiTokenCreated(String target, String owner, long tokenId, Instant expiresAt) implements AuditableEvent {
        public String action() {
            return "token.created";
        }

        public Map<String, Object> details() {
            return Map.of("owner", owner, "tokenId", tokenId, "expiresAt", expiresAt.toString());
        }
    }

    record ApiTokenRevoked(String target, String owner, long tokenId) implements AuditableEvent {
        public String action() {
            return "token.revoked";
        }

        public Map<String, Object> details() {
            return Map.of("owner", owner, "tokenId", tokenId);
        }
    }
}
