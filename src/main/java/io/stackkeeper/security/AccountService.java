package io.stackkeeper.security;

import io.stackkeeper.base.Outcome;
import io.stackkeeper.base.RequestOrigin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their roles and passwords, and API tokens: the security feature's one public service. */
@Service
public class AccountService {

    /** Default lifetime of a new API token. */
    public static final Duration DEFAULT_TOKEN_VALIDITY = Duration.ofDays(90);
    static final Duration MAX_TOKEN_VALIDITY = Duration.ofDays(3650);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(UserAccountRepository users, ApiTokenRepository tokens, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /** All users, by name. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(readOnly = true)
    public List<UserSummary> listUsers() {
        return users.findAllByOrderByUsernameAsc().stream().map(UserAccount::summary).toList();
    }

    /**
     * Creates an enabled user.
     *
     * @throws IllegalArgumentException when the name is malformed or taken, or the password is refused
     */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public UserSummary createUser(String username, String password, Set<Role> roles) {
        String name = checkedUsername(username);
        if (users.findByUsernameIgnoreCase(name).isPresent()) {
            throw new IllegalArgumentException("A user named '" + name + "' already exists.");
        }
        PasswordPolicy.check(name, password);
        Set<Role> granted = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        UserAccount user = users.save(new UserAccount(name, passwordEncoder.encode(password), granted, clock.instant(),
                RequestOrigin.actor()));
        events.publishEvent(new AccountEvents.UserCreated(name, granted));
        return user.summary();
    }

    /** Replaces a user's roles. An admin cannot remove their own ADMIN role, so the portal keeps an admin. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public UserSummary setRoles(String username, Set<Role> roles) {
        UserAccount user = existing(username);
        Set<Role> after = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (isCurrentUser(user) && !after.contains(Role.ADMIN)) {
            throw new IllegalArgumentException("You cannot remove your own Admin role; ask another admin.");
        }
        Set<Role> before = user.roles();
        if (!before.equals(after)) {
            user.setRoles(after, RequestOrigin.actor(), clock.instant());
            events.publishEvent(new AccountEvents.UserRolesChanged(user.username(), before, after));
        }
        return user.summary();
    }

    /** Enables or disables a user; a disabled user cannot sign in and their API tokens stop working. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public UserSummary setEnabled(String username, boolean enabled) {
        UserAccount user = existing(username);
        if (isCurrentUser(user) && !enabled) {
            throw new IllegalArgumentException("You cannot disable your own account.");
        }
        if (user.enabled() != enabled) {
            user.setEnabled(enabled);
            events.publishEvent(new AccountEvents.UserEnabledChanged(user.username(), enabled));
        }
        return user.summary();
    }

    /** Sets a new password for another user, under the password policy. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public void resetPassword(String username, String newPassword) {
        UserAccount user = existing(username);
        PasswordPolicy.check(user.username(), newPassword);
        user.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        int revoked = revokeAllTokens(user);
        events.publishEvent(new AccountEvents.PasswordReset(user.username(), revoked));
    }

    /**
     * Changes the signed-in user's own password.
     *
     * @throws IllegalArgumentException when the current password is wrong or the new one is refused
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(noRollbackFor = IllegalArgumentException.class)
    public void changeOwnPassword(String currentPassword, String newPassword) {
        UserAccount user = signedInUser();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            events.publishEvent(new AccountEvents.PasswordChanged(user.username(), Outcome.FAILURE, "wrong current password"));
            throw new IllegalArgumentException("The current password is not correct.");
        }
        if (currentPassword.equals(newPassword)) {
            throw new PasswordRefusedException("The new password must differ from the current one.");
        }
        PasswordPolicy.check(user.username(), newPassword);
        user.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        int revoked = revokeAllTokens(user);
        SignInSessions.keepThisOne(user.username(), user.passwordChangedAt());
        events.publishEvent(new AccountEvents.PasswordChanged(user.username(), Outcome.SUCCESS, revoked == 0 ? null
                : revoked + " API token" + (revoked == 1 ? "" : "s") + " revoked"));
    }

    /**
     * Revokes every API token of the user that still works (a password change or reset); answers how many. Their other
     * sessions end through {@link SignInSessions}.
     */
    private int revokeAllTokens(UserAccount user) {
        Instant now = clock.instant();
        List<ApiToken> active = tokens.findByOwnerUsernameOrderByCreatedAtDesc(user.username()).stream()
                .filter(token -> token.isUsableAt(now)).toList();
        active.forEach(token -> token.revoke(now));
        return active.size();
    }

    /** Where an account came from (who created it, who made it an admin), for four-eyes rules. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<AccountOrigin> origin(String username) {
        return users.findByUsernameIgnoreCase(username == null ? "" : username).map(UserAccount::origin);
    }

    /** The signed-in user. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public UserSummary currentUser() {
        return signedInUser().summary();
    }

    /**
     * Creates an API token for the signed-in user, who proves it with their password again (an open session alone
     * never mints a token); it acts with the owner's roles at the time of each call.
     *
     * @param validity how long the token works; {@code null} means {@link #DEFAULT_TOKEN_VALIDITY}
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional
    public IssuedToken createToken(String name, Duration validity, String currentPassword) {
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, signedInUser().passwordHash())) {
            throw new IllegalArgumentException("Enter your current password to create a token.");
        }
        String tokenName = name == null ? "" : name.strip();
        if (tokenName.isEmpty() || tokenName.length() > 100) {
            throw new IllegalArgumentException("Give the token a name of 1 to 100 characters.");
        }
        Duration lifetime = validity == null ? DEFAULT_TOKEN_VALIDITY : validity;
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_TOKEN_VALIDITY) > 0) {
            throw new IllegalArgumentException("A token must be valid for between 1 day and 10 years.");
        }
        UserAccount owner = signedInUser();
        String value = TokenCodec.newToken();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ApiToken token = tokens.save(new ApiToken(owner, tokenName, TokenCodec.hash(value), now, now.plus(lifetime)));
        events.publishEvent(new AccountEvents.ApiTokenCreated(tokenName, owner.username(), token.id(), token.expiresAt()));
        return new IssuedToken(token.id(), tokenName, value, token.expiresAt());
    }

    /** The signed-in user's tokens, newest first, without their values. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<TokenSummary> myTokens() {
        Instant now = clock.instant();
        return tokens.findByOwnerUsernameOrderByCreatedAtDesc(signedInUser().username()).stream()
                .map(token -> token.summary(now)).toList();
    }

    /** Revokes a token; owners revoke their own, admins any. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional
    public void revokeToken(long tokenId) {
        ApiToken token = tokens.findById(tokenId).orElseThrow(() -> new NoSuchElementException("No token with id " + tokenId + "."));
        UserAccount me = signedInUser();
        if (!token.owner().id().equals(me.id()) && !me.roles().contains(Role.ADMIN)) {
            throw new AccessDeniedException("You can only revoke your own tokens.");
        }
        token.revoke(clock.instant());
        events.publishEvent(new AccountEvents.ApiTokenRevoked(token.name(), token.owner().username(), tokenId));
    }

    private UserAccount existing(String username) {
        return users.findByUsernameIgnoreCase(username == null ? "" : username.strip())
                .orElseThrow(() -> new NoSuchElementException("No user named '" + username + "'."));
    }

    private UserAccount signedInUser() {
        return users.findByUsernameIgnoreCase(RequestOrigin.actor())
                .orElseThrow(() -> new AccessDeniedException("The signed-in user no longer exists."));
    }

    private static boolean isCurrentUser(UserAccount user) {
        return user.username().equalsIgnoreCase(RequestOrigin.actor());
    }

    static String checkedUsername(String username) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A username has 2 to 64 characters: lowercase letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit.");
        }
        if (name.equals(RequestOrigin.SYSTEM_ACTOR)) {
            throw new IllegalArgumentException("'" + RequestOrigin.SYSTEM_ACTOR + "' is reserved for the portal's own actions.");
        }
        return name;
    }
}
