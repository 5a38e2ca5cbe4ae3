package io.stackkeeper.security;

import io.stackkeeper.base.FeatureApi;
import io.stackkeeper.base.RequestOrigin;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs scheduled or background work as the portal itself ({@value RequestOrigin#SYSTEM_ACTOR}, a reserved
 * username nobody can sign in as), so that service methods keep their role checks for every human caller.
 */
@FeatureApi
public final class SystemActor {

    private SystemActor() {
    }

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(RequestOrigin.SYSTEM_ACTOR, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN), new SimpleGrantedAuthority("ROLE_" + Roles.OPERATOR),
                        new SimpleGrantedAuthority("ROLE_" + Roles.VIEWER))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
