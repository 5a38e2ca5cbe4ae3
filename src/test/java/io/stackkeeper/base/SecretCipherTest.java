package io.stackkeeper.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String SECRET = "an-encryption-secret-of-32-chars!";
    private final SecretCipher cipher = new SecretCipher(SECRET);

    @Test
    void a_secret_survives_encryption_and_decryption() {
        String sealed = cipher.encrypt("mongodb://root:s3cret@db:27017", "mongoUri");
        assertThat(sealed).startsWith("v2:").doesNotContain("s3cret");
        assertThat(cipher.decrypt(sealed, "mongoUri")).isEqualTo("mongodb://root:s3cret@db:27017");
    }

    @Test
    void the_same_secret_encrypts_differently_each_time() {
        assertThat(cipher.encrypt("x", "mongoUri")).isNotEqualTo(cipher.encrypt("x", "mongoUri"));
    }

    @Test
    void another_key_cannot_read_it() {
        String sealed = cipher.encrypt("token", "mongoUri");
        SecretCipher other = new SecretCipher("another-encryption-secret-32-chars");
        assertThatThrownBy(() -> other.decrypt(sealed, "mongoUri")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STACKKEEPER_ENCRYPTION_SECRET");
    }

    @Test
    void an_altered_ciphertext_is_refused() {
        String sealed = cipher.encrypt("token", "mongoUri");
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> cipher.decrypt(altered, "mongoUri")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_secret_shorter_than_32_characters_is_refused() {
        assertThatThrownBy(() -> new SecretCipher("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
    }

    @Test
    void a_sealed_value_moved_into_another_field_does_not_open() {
        String sealed = cipher.encrypt("redis://:pw@cache:6379", "redisUri");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "registryPassword")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another field");
    }

    @Test
    void a_value_sealed_by_an_earlier_release_still_opens_with_the_same_secret_and_salt_does_matter() throws Exception {
        javax.crypto.SecretKey legacyKey = new javax.crypto.spec.SecretKeySpec(javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new javax.crypto.spec.PBEKeySpec(SECRET.toCharArray(),
                        "stackkeeper/secrets-at-rest/v1".getBytes(java.nio.charset.StandardCharsets.UTF_8), 10_000, 256)).getEncoded(), "AES");
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = new byte[12];
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, legacyKey, new javax.crypto.spec.GCMParameterSpec(128, nonce));
        byte[] sealed = aes.doFinal("old".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String v1 = "v1:" + java.util.Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());

        SecretCipher salted = new SecretCipher(SECRET, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        assertThat(SecretCipher.isLegacy(v1)).isTrue();
        assertThat(salted.decrypt(v1, "mongoUri")).isEqualTo("old");
        String resealed = salted.encrypt("old", "mongoUri");
        assertThatThrownBy(() -> cipher.decrypt(resealed, "mongoUri")).as("another install's salt").isInstanceOf(IllegalStateException.class);
    }
}
