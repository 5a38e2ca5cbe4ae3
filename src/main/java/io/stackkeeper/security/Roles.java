package io.stackkeeper.security;

import io.stackkeeper.base.FeatureApi;

/**
 * Role names for {@code @RolesAllowed} on views and {@code @PreAuthorize} on services. A user may hold several;
 * no role implies another.
 */
@FeatureApi
public final class Roles {

    /** Managers: read everything except secrets and logs. */
    public static final String VIEWER = "VIEWER";
    /** The ops team: run and schedule work, request upgrades. */
    public static final String OPERATOR = "OPERATOR";
    /** Users, settings, approvals and restores. */
    public static final String ADMIN = "ADMIN";

    public static final String IS_ADMIN = "hasRole('" + ADMIN + "')";
    public static final String IS_ADMIN_OR_VIEWER = "hasAnyRole('" + ADMIN + "', '" + VIEWER + "')";
    public static final String IS_OPERATOR_OR_ADMIN = "hasAnyRole('" + OPERATOR + "', '" + ADMIN + "')";
    public static final String IS_SIGNED_IN = "isAuthenticated()";

    private Roles() {
    }

    /** Whether the current user holds any of these roles. */
    public static boolean currentUserHasAny(String... roles) {
        org.springframework.security.core.Authentication authentication =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        java.util.Set<String> wanted = java.util.Arrays.stream(roles).map(role -> "ROLE_" + role).collect(java.util.stream.Collectors.toSet());
        return authentication.getAuthorities().stream().anyMatch(authority -> wanted.contains(authority.getAuthority()));
    }
}
