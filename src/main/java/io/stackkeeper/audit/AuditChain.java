package io.stackkeeper.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain: each entry's seal is the HMAC-SHA256 (keyed from the encryption secret) of the previous entry's seal and
 * the entry's own content, so altering an entry, or removing one, breaks the chain at that point, and someone who can
 * write the database but does not hold the secret cannot seal a forged entry. Entries written by earlier releases,
 * before {@code keyedFrom}, carry a plain SHA-256; the chain's head records {@code keyedFrom} under its own seal, so it
 * cannot be moved to make forged entries look like old ones.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private final byte[] key;
    private final long keyedFrom;

    AuditChain(byte[] key, long keyedFrom) {
        this.key = key.clone();
        this.keyedFrom = keyedFrom;
    }

    long keyedFrom() {
        return keyedFrom;
    }

    String seal(AuditEntry entry) {
        return seal(entry.id(), entry.previousHash(), content(entry));
    }

    String seal(long id, String previousHash, String content) {
        return id >= keyedFrom ? hmac(previousHash + "\n" + content) : plainHash(previousHash, content);
    }

    /** The head's own seal: where the chain ends and from which entry on it is keyed. */
    String headSeal(long lastId, String lastHash) {
        return hmac("head\n" + keyedFrom + "\n" + lastId + "\n" + lastHash);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seal of entries written before the chain was keyed (and what a forger without the secret can compute). */
    static String plainHash(String previousHash, String content) {
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
    final class Verifier {

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
            if (!seal(entry).equals(entry.hash())) {
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

        /** The result, also checked against where the portal last recorded the chain's end, under the head's seal. */
        ChainVerification result(long headId, String headHash, String headSeal) {
            if (broken != null) {
                return broken;
            }
            if (headSeal == null || !headSeal.equals(headSeal(headId, headHash))) {
                return new ChainVerification(false, checked, headId == 0 ? null : headId,
                        "The record of where the chain ends was altered outside the portal (its seal does not match).");
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
