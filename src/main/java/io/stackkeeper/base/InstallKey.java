package io.stackkeeper.base;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The install's salt for the key of secrets at rest and a check value sealed with that key, kept in the database: the
 * first start writes them, every later start proves the configured secret against the check value.
 */
final class InstallKey {

    private static final String CHECK = "stackkeeper install key check";
    private static final String CHECK_FIELD = "install-key-check";

    private InstallKey() {
    }

    /** The cipher for this install's data; refuses a secret that is not the one the data was sealed with. */
    static SecretCipher unlock(String secret, JdbcTemplate jdbc, List<String> legacySealed) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT salt, check_value FROM install_key WHERE id = 1");
        if (rows.isEmpty()) {
            SecretCipher legacy = new SecretCipher(secret);
            for (String sealed : legacySealed) {
                try {
                    legacy.decrypt(sealed, "");
                } catch (IllegalStateException wrongKey) {
                    throw new EncryptionSecretMismatchException();
                }
            }
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            SecretCipher cipher = new SecretCipher(secret, salt);
            jdbc.update("INSERT INTO install_key (id, salt, check_value) VALUES (1, ?, ?)", Base64.getEncoder().encodeToString(salt),
                    cipher.encrypt(CHECK, CHECK_FIELD));
            return cipher;
        }
        SecretCipher cipher = new SecretCipher(secret, Base64.getDecoder().decode((String) rows.get(0).get("salt")));
        try {
            if (CHECK.equals(cipher.decrypt((String) rows.get(0).get("check_value"), CHECK_FIELD))) {
                return cipher;
            }
        } catch (IllegalStateException wrongKey) {
            // answered below
        }
        throw new EncryptionSecretMismatchException();
    }
}
