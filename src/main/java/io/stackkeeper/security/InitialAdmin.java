package io.stackkeeper.security;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.stackkeeper.base.DataFolder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start (no user at all) creates {@code admin} with {@code STACKKEEPER_ADMIN_PASSWORD}, or with a
 * generated password that is logged once and written to {@code <data>/initial-admin-password} (mode 600).
 */
@Component
class InitialAdmin implements SmartInitializingSingleton {

    static final String USERNAME = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SignInProperties properties;
    private final DataFolder dataFolder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final TransactionTemplate transaction;

    InitialAdmin(UserAccountRepository users, PasswordEncoder passwordEncoder, SignInProperties properties,
            DataFolder dataFolder, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.dataFolder = dataFolder;
        this.events = events;
        this.clock = clock;
    }

    /** Before the web server takes requests, so that the port answers only once the admin can sign in. */
    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> createIfNoUserExists());
    }

    private void createIfNoUserExists() {
        if (users.count() > 0) {
            return;
        }
        String password = properties.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = generatePassword();
        } else {
            PasswordPolicy.violation(USERNAME, password).ifPresent(reason -> {
                throw new IllegalStateException("STACKKEEPER_ADMIN_PASSWORD is refused: " + reason);
            });
        }
        users.save(new UserAccount(USERNAME, passwordEncoder.encode(password), EnumSet.of(Role.ADMIN), clock.instant(), null));
        events.publishEvent(new AccountEvents.UserCreated(USERNAME, EnumSet.of(Role.ADMIN)));
        if (generated) {
            var file = dataFolder.writeOwnerOnly(PASSWORD_FILE, password + "\n");
            log.warn("Created the first user 'admin' with the generated password: {} (also written to {}). "
                    + "Change it after signing in.", password, file);
        } else {
            log.info("Created the first user 'admin' with the password from STACKKEEPER_ADMIN_PASSWORD.");
        }
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
