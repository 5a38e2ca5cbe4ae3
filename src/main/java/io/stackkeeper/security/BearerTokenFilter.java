package io.stackkeeper.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} with the owner's current roles. An unknown, expired or revoked
 * token is answered 401 at once, so it never falls through to another way of signing in.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final ApiTokenRepository tokens;
    private final TransactionTemplate readOnly;
    private final ProblemResponses problems;
    private final Clock clock;

    BearerTokenFilter(ApiTokenRepository tokens, TransactionTemplate readOnly, ProblemResponses problems, Clock clock) {
        this.tokens = tokens;
        this.readOnly = readOnly;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        String value = header.substring(SCHEME.length()).strip();
        Optional<UsernamePasswordAuthenticationToken> authentication = readOnly.execute(status -> tokens
                .findByTokenHash(TokenCodec.hash(value))
                .filter(token -> token.isUsableAt(clock.instant()))
                .map(token -> UsernamePasswordAuthenticationToken.authenticated(token.owner().username(), null,
                        AccountUserDetailsService.authorities(token.owner()))));
        if (authentication.isEmpty()) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "The API token is unknown, expired or revoked.");
            return;
        }
        authentication.get().setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
