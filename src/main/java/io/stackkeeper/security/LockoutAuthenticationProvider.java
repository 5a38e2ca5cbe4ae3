package io.stackkeeper.security;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Username and password sign-in (login form and HTTP Basic) with lockout. Every refusal reads the same whether or
 * not the user exists; a locked username is refused before its password is checked.
 */
class LockoutAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Incorrect username or password.";
    static final String LOCKED = "Too many failed sign-ins: this username is locked for "
            + LoginAttempts.LOCK_DURATION.toMinutes() + " minutes.";

    private final AuthenticationProvider passwordCheck;
    private final LoginAttempts attempts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LockoutAuthenticationProvider(AuthenticationProvider passwordCheck, LoginAttempts attempts,
            ApplicationEventPublisher events, Clock clock) {
        this.passwordCheck = passwordCheck;
        this.attempts = attempts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = LoginAttempts.canonical(authentication.getName());
        // One attempt per username at a time: parallel guesses cannot all pass the lock check before a failure counts.
        synchronized (attempts.lockFor(username)) {
            return authenticateSerially(authentication, username);
        }
    }

    private Authentication authenticateSerially(Authentication authentication, String username) {
        String via = isApiRequest() ? "api" : "web";
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (attempts.isLocked(username)) {
            events.publishEvent(new AccountEvents.LoginFailed(username, via, "locked", address));
            throw new LockedException(LOCKED);
        }
        try {
            if (username.equals(LoginAttempts.NOT_A_USERNAME)) {
                throw new BadCredentialsException("not a username");
            }
            UsernamePasswordAuthenticationToken canonical =
                    UsernamePasswordAuthenticationToken.unauthenticated(username, authentication.getCredentials());
            canonical.setDetails(authentication.getDetails());
            Authentication result = passwordCheck.authenticate(canonical);
            attempts.succeeded(username);
            events.publishEvent(new AccountEvents.LoginSucceeded(result.getName(), via, address));
            return result;
        } catch (AuthenticationException e) {
            events.publishEvent(new AccountEvents.LoginFailed(username, via, reason(e), address));
            if (attempts.isLocked(username)) {
                throw new LockedException(LOCKED);
            }
            if (attempts.failed(username)) {
                events.publishEvent(new AccountEvents.UsernameLocked(username, clock.instant().plus(LoginAttempts.LOCK_DURATION), address));
                throw new LockedException(LOCKED);
            }
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
    }

    private static boolean isApiRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getRequestURI().startsWith("/api/");
    }

    private static String reason(AuthenticationException e) {
        return e instanceof org.springframework.security.authentication.DisabledException ? "disabled" : "bad credentials";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
