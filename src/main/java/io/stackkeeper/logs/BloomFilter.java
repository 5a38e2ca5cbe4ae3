package io.stackkeeper.logs;

/**
 * A Bloom filter of strings with a fixed size: a power of two bits, four probes derived from one 64-bit hash. An
 * answer of "no" is certain; "maybe" is wrong about one time in a hundred at 400,000 strings in the default size.
 * Not thread-safe.
 */
final class BloomFilter {

    /** 2^22 bits (512 KiB): 1 % false answers at 400,000 distinct tokens, far fewer at the usual 10,000 to 50,000. */
    static final int DEFAULT_WORDS = 1 << 16;

    private static final int PROBES = 4;

    private final long[] words;
    private final long mask;

    BloomFilter(int words) {
        this(new long[words]);
    }

    /** Over given words; their count must be a power of two. */
    BloomFilter(long[] words) {
        if (words.length == 0 || Integer.bitCount(words.length) != 1) {
            throw new IllegalArgumentException("A Bloom filter needs a power of two words, not " + words.length);
        }
        this.words = words;
        this.mask = (long) words.length * 64 - 1;
    }

    void add(CharSequence token) {
        long hash = hash(token);
        long step = hash >>> 32 | 1;
        for (int i = 0; i < PROBES; i++) {
            long bit = hash + i * step & mask;
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    boolean mightContain(CharSequence token) {
        long hash = hash(token);
        long step = hash >>> 32 | 1;
        for (int i = 0; i < PROBES; i++) {
            long bit = hash + i * step & mask;
            if ((words[(int) (bit >>> 6)] & 1L << bit) == 0) {
                return false;
            }
        }
        return true;
    }

    long[] words() {
        return words;
    }

    BloomFilter copy() {
        return new BloomFilter(words.clone());
    }

    /** FNV-1a over the chars, then MurmurHash3's finaliser so that the high bits are as mixed as the low ones. */
    private static long hash(CharSequence token) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < token.length(); i++) {
            h ^= token.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
