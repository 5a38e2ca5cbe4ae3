package io.stackkeeper.base;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing encryption secret into one clear line instead of a stack trace. */
class EncryptionSecretFailureAnalyzer extends AbstractFailureAnalyzer<EncryptionSecretMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EncryptionSecretMissingException cause) {
        if (cause instanceof EncryptionSecretMismatchException) {
            return new FailureAnalysis(cause.getMessage() + ": the portal will not start with another secret.",
                    "Start it with the STACKKEEPER_ENCRYPTION_SECRET it was first started with (or the encryption-secret file of "
                            + "its data folder).", cause);
        }
        return new FailureAnalysis(cause.getMessage() + ": the portal will not start without a key for secrets at rest.",
                "Set STACKKEEPER_ENCRYPTION_SECRET to a random value of at least " + SecretCipher.MINIMUM_SECRET_LENGTH
                        + " characters (for example: openssl rand -base64 48).",
                cause);
    }
}
