package io.stackkeeper.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/** Loads users for sign-in from the user table. */
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    AccountUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount user = users.findByUsername(LoginAttempts.canonical(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return toUserDetails(user);
    }

    static UserDetails toUserDetails(UserAccount user) {
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .disabled(!user.enabled())
                .authorities(authorities(user))
                .build();
    }

    static List<SimpleGrantedAuthority> authorities(UserAccount user) {
        return user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }
}
