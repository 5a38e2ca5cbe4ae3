package io.stackkeeper.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain: each entry's hash is the SHA-256 of the previous entry's hash and the entry's own content, so
 * altering an entry, or removing one, breaks the chain at that point.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(AuditEntry entry) {
        return hash(entry.previousHash(), content(entry));
    }

    static String hash(String previousHash, String content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
            sha256.update(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fields joined unambiguously: each is length-prefixed, so no value can imitate a separator. */
    static String content(AuditEntry entry) {
        StringBuilder out = new StringBuilder();
        for (Object field : new Object[] {entry.id(), entry.occurredAt(), entry.actor(), entry.action(), entry.target(),
                entry.outcome(), entry.details(), entry.clientAddress()}) {
            String value = field == null ? "" : field.toString();
            out.append(field == null ? -1 : value.length()).append(':').append(value).append(';');
        }
        return out.toString();
    }

    /** Checks entries in id order; feed every entry, then read {@link #result()}. */
    static final class Verifier {

        private String expectedPrevious = GENESIS;
        private Long previousId;
        private long checked;
        private ChainVerification broken;

        /** Returns false once a break was found; later entries are not looked at. */
        boolean accept(AuditEntry entry) {
            if (broken != null) {
                return false;
            }
            checked++;
            if (previousId != null && entry.id() != previousId + 1) {
                return fail(entry, "entries #" + (previousId + 1) + " to #" + (entry.id() - 1) + " were removed");
            }
            if (previousId == null && entry.id() != 1) {
                return fail(entry, "entries before #" + entry.id() + " were removed");
            }
            if (!entry.previousHash().equals(expectedPrevious)) {
                return fail(entry, "its link to the previous entry does not match (the previous entry was altered or replaced)");
            }
            if (!hash(entry).equals(entry.hash())) {
                return fail(entry, "its content was altered after it was recorded");
            }
            expectedPrevious = entry.hash();
            previousId = entry.id();
            return true;
        }

        private boolean fail(AuditEntry entry, String problem) {
            broken = new ChainVerification(false, checked, entry.id(), "Entry #" + entry.id() + ": " + problem + ".");
            return false;
        }

        ChainVerification result() {
            return broken != null ? broken : new ChainVerification(true, checked, null, null);
        }

        /** The result, also checked against where the portal last recorded the chain's end. */
        ChainVerification result(long headId, String headHash) {
            if (broken != null) {
                return broken;
            }
            long lastId = previousId == null ? 0 : previousId;
            if (lastId < headId) {
                return new ChainVerification(false, checked, lastId + 1,
                        "Entry #" + (lastId + 1) + ": entries #" + (lastId + 1) + " to #" + headId + " were removed from the end.");
            }
            if (lastId > headId) {
                return new ChainVerification(false, checked, headId + 1,
                        "Entry #" + (headId + 1) + ": entries after #" + headId + " were added outside the portal.");
            }
            if (lastId > 0 && !headHash.equals(expectedPrevious)) {
                return new ChainVerification(false, checked, lastId, "Entry #" + lastId + ": it was altered and resealed.");
            }
            return result();
        }
    }
}
