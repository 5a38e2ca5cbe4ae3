package io.stackkeeper.security;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Remembers in each signed-in browser session which password it was opened with, so that a password change or reset
 * ends the user's other sessions ({@link StaleSessionFilter}) while the session that changed it stays signed in.
 */
final class SignInSessions {

    static final String PASSWORD_CHANGED_AT = "stackkeeper.passwordChangedAt";

    private SignInSessions() {
    }

    /**
     * Whether the session was opened with the user's current password. The first request of a user's sign-in records
     * it; a session that another user signed in to before (its attributes survive the sign-in) starts afresh.
     */
    static boolean current(HttpSession session, String username, Instant passwordChangedAt) {
        String now = username + "|" + passwordChangedAt;
        Object seen = session.getAttribute(PASSWORD_CHANGED_AT);
        if (!(seen instanceof String recorded) || !recorded.startsWith(username + "|")) {
            session.setAttribute(PASSWORD_CHANGED_AT, now);
            return true;
        }
        return recorded.equals(now);
    }

    /** The session of the request that changed the password stays valid. */
    static void keepThisOne(String username, Instant passwordChangedAt) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpSession session = request.getRequest().getSession(false);
            if (session != null) {
                session.setAttribute(PASSWORD_CHANGED_AT, username + "|" + passwordChangedAt);
            }
        }
    }
}
