package io.stackkeeper.base;

/** The portal cannot protect secrets at rest because the encryption secret is missing or too weak. */
class EncryptionSecretMissingException extends IllegalStateException {

    EncryptionSecretMissingException(String reason) {
        super(reason);
    }
}
