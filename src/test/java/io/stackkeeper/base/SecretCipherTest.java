package io.stackkeeper.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String SECRET = "an-encryption-secret-of-32-chars!";
    private final SecretCipher cipher = new SecretCipher(SECRET);

    @Test
    void a_secret_survives_encryption_and_decryption() {
        String sealed = cipher.encrypt("mongodb://root:s3cret@db:27017");
        assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
        assertThat(cipher.decrypt(sealed)).isEqualTo("mongodb://root:s3cret@db:27017");
    }

    @Test
    void the_same_secret_encrypts_differently_each_time() {
        assertThat(cipher.encrypt("x")).isNotEqualTo(cipher.encrypt("x"));
    }

    @Test
    void another_key_cannot_read_it() {
        String sealed = cipher.encrypt("token");
        SecretCipher other = new SecretCipher("another-encryption-secret-32-chars");
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STACKKEEPER_ENCRYPTION_SECRET");
    }

    @Test
    void an_altered_ciphertext_is_refused() {
        String sealed = cipher.encrypt("token");
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_secret_shorter_than_32_characters_is_refused() {
        assertThatThrownBy(() -> new SecretCipher("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
    }
}
