package io.stackkeeper.base;

/** The configured encryption secret is not the one this install's secrets were sealed with. */
class EncryptionSecretMismatchException extends EncryptionSecretMissingException {

    public EncryptionSecretMismatchException() {
        super("STACKKEEPER_ENCRYPTION_SECRET is not the secret this data folder's secrets were sealed with");
    }
}
