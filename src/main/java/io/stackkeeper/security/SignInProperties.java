package io.stackkeeper.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings.
 *
 * @param adminPassword password of the {@code admin} user created on the first start when no user exists
 *     ({@code STACKKEEPER_ADMIN_PASSWORD}); a strong one is generated when unset
 */
@ConfigurationProperties("stackkeeper")
record SignInProperties(String adminPassword) {

    @Override
    public String toString() {
        return "SignInProperties[adminPassword=" + (adminPassword == null ? "not set" : "set") + "]";
    }
}
