package io.stackkeeper.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in browser session as soon as its user is disabled, removed, given other roles or a new password
 * (from another session or by an admin), instead of letting an open tab keep what it had at sign-in until the session
 * times out.
 */
class StaleSessionFilter extends OncePerRequestFilter {

    private final UserAccountRepository users;
    private final TransactionTemplate readOnly;

    StaleSessionFilter(UserAccountRepository users, TransactionTemplate readOnly) {
        this.users = users;
        this.readOnly = readOnly;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession current = request.getSession(false);
        if (authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated()
                && !stillValid(authentication, current)) {
            HttpSession session = current;
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(Authentication authentication, HttpSession session) {
        Set<String> granted = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return Boolean.TRUE.equals(readOnly.execute(status -> users.findByUsername(authentication.getName())
                .filter(UserAccount::enabled)
                .filter(user -> session == null || SignInSessions.current(session, user.username(), user.passwordChangedAt()))
                .map(user -> AccountUserDetailsService.authorities(user).stream().map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toSet()).equals(granted))
                .orElse(false)));
    }
}
