package io.stackkeeper.base;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secret settings at rest with AES-256-GCM. The key is derived from the encryption secret and a random salt
 * kept with the install's data (PBKDF2-HMAC-SHA256); every value gets its own random 96-bit nonce, stored in front of
 * the ciphertext, and is bound to the field it belongs to (GCM associated data), so a sealed value moved into another
 * field does not open. Values sealed by earlier releases ({@code v1:}, a fixed salt and no field) still open, and are
 * sealed anew by their owner. Other keys (the audit chain's) are derived from the same key for their own purpose.
 */
public final class SecretCipher {

    public static final int MINIMUM_SECRET_LENGTH = 32;
    private static final String LEGACY_PREFIX = "v1:";
    private static final String PREFIX = "v2:";
    private static final byte[] LEGACY_SALT = "stackkeeper/secrets-at-rest/v1".getBytes(StandardCharsets.UTF_8);
    /** The secret has at least 32 random characters, so stretching adds little; few rounds keep start-up fast. */
    private static final int KEY_ITERATIONS = 10_000;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String secret;
    private final SecretKey key;
    private volatile SecretKey legacyKey;
    private final SecureRandom random = new SecureRandom();

    /** A cipher keyed with the fixed salt of earlier releases (tests, and installs before the salt existed). */
    public SecretCipher(String encryptionSecret) {
        this(encryptionSecret, LEGACY_SALT);
    }

    public SecretCipher(String encryptionSecret, byte[] installSalt) {
        if (encryptionSecret == null || encryptionSecret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalArgumentException("The encryption secret must have at least " + MINIMUM_SECRET_LENGTH + " characters");
        }
        this.secret = encryptionSecret;
        this.key = deriveKey(encryptionSecret, installSalt);
    }

    /** Seals {@code plaintext} for {@code field}: it opens only with this key and for that field. */
    public String encrypt(String plaintext, String field) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** @throws IllegalStateException when the value was not sealed with this key for this field, or was altered */
    public String decrypt(String sealedValue, String field) {
        if (sealedValue != null && sealedValue.startsWith(LEGACY_PREFIX)) {
            return open(sealedValue.substring(LEGACY_PREFIX.length()), legacyKey(), null);
        }
        if (sealedValue == null || !sealedValue.startsWith(PREFIX)) {
            throw new IllegalStateException("Not an encrypted value");
        }
        return open(sealedValue.substring(PREFIX.length()), key, field);
    }

    /** Sealed by an earlier release: open it and seal it again for its field. */
    public static boolean isLegacy(String sealedValue) {
        return sealedValue != null && sealedValue.startsWith(LEGACY_PREFIX);
    }

    /** A key of 32 bytes for {@code purpose} (an HMAC key, say), derived from this cipher's key and never stored. */
    public byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("stackkeeper/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key derivation failed", e);
        }
    }

    private String open(String base64, SecretKey with, String field) {
        byte[] in;
        try {
            in = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Not an encrypted value");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, with, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            if (field != null) {
                cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            }
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted: was STACKKEEPER_ENCRYPTION_SECRET changed, "
                    + "or was the value moved from another field?", e);
        }
    }

    private SecretKey legacyKey() {
        if (legacyKey == null) {
            legacyKey = deriveKey(secret, LEGACY_SALT);
        }
        return legacyKey;
    }

    private static SecretKey deriveKey(String secret, byte[] salt) {
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] bytes = factory.generateSecret(new PBEKeySpec(secret.toCharArray(), salt, KEY_ITERATIONS, 256)).getEncoded();
            return new SecretKeySpec(bytes, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key derivation failed", e);
        }
    }
}
