package io.stackkeeper.base;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secret settings at rest with AES-256-GCM. The key is derived from the encryption secret with
 * PBKDF2-HMAC-SHA256; every value gets its own random 96-bit nonce, stored in front of the ciphertext.
 */
public final class SecretCipher {

    public static final int MINIMUM_SECRET_LENGTH = 32;
    private static final String FORMAT_PREFIX = "v1:";
    private static final byte[] KEY_SALT = "stackkeeper/secrets-at-rest/v1".getBytes(StandardCharsets.UTF_8);
    /** The secret has at least 32 random characters, so stretching adds little; few rounds keep start-up fast. */
    private static final int KEY_ITERATIONS = 10_000;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(String encryptionSecret) {
        if (encryptionSecret == null || encryptionSecret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalArgumentException("The encryption secret must have at least " + MINIMUM_SECRET_LENGTH + " characters");
        }
        this.key = deriveKey(encryptionSecret);
    }

    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return FORMAT_PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** @throws IllegalStateException when the value was not sealed with this key or was altered */
    public String decrypt(String sealedValue) {
        if (sealedValue == null || !sealedValue.startsWith(FORMAT_PREFIX)) {
            throw new IllegalStateException("Not an encrypted value");
        }
        byte[] in = Base64.getDecoder().decode(sealedValue.substring(FORMAT_PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted: was STACKKEEPER_ENCRYPTION_SECRET changed?", e);
        }
    }

    private static SecretKey deriveKey(String secret) {
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] bytes = factory.generateSecret(new PBEKeySpec(secret.toCharArray(), KEY_SALT, KEY_ITERATIONS, 256)).getEncoded();
            return new SecretKeySpec(bytes, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key derivation failed", e);
        }
    }
}
