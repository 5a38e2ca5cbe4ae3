package io.stackkeeper.backup;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bson.RawBsonDocument;

/**
 * A collection's content as one value: the sum (mod 2^256) of every document's SHA-256, so it does not depend on the
 * order the server returns documents in. Recorded per collection when a set is dumped; a drill compares against it.
 */
final class CollectionDigest {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private final MessageDigest sha;
    private BigInteger value = BigInteger.ZERO;
    private long documents;

    CollectionDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void add(RawBsonDocument document) {
        add(document.getByteBuffer().asNIO());
    }

    void add(java.nio.ByteBuffer document) {
        sha.update(document);
        value = value.add(new BigInteger(1, sha.digest())).mod(MODULUS);
        documents++;
    }

    long documents() {
        return documents;
    }

    String hex() {
        return String.format("%064x", value);
    }
}
