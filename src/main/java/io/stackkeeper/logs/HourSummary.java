package io.stackkeeper.logs;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * What an hour file holds, small enough to read for every hour a search spans: the lines, their engine-time range,
 * a count per level, and two filters of what a query may look for (see {@link SummaryCheck} for how a query uses
 * them):
 * <ul>
 * <li>a Bloom filter of field tokens, case-folded: {@code name:value} for every JSON field, {@code logger:value},
 * {@code container:name}, and {@code \u0001name} for a field's presence;</li>
 * <li>the exact set of the case-folded three-char sequences (trigrams) of every text a word or phrase is looked for
 * in (message, raw line, folded lines) when all three chars are ASCII (2^21 bits); trigrams with other chars go to
 * the Bloom filter prefixed with {@code \u0002}. Words are matched as substrings, so word tokens could not answer
 * "no"; trigrams can.</li>
 * </ul>
 * The file is the summary's body compressed with zstd behind a magic number, lengths and a CRC; it names the length
 * of the hour file it describes, so a stale or damaged summary is noticed and rebuilt from the hour file.
 * Not thread-safe: the writer of the hour owns it, searches use copies.
 */
final class HourSummary {

    static final int TRIGRAM_WORDS = 1 << 15;
    static final char PRESENT = '\u0001';
    static final char TRIGRAM = '\u0002';

    private static final int MAGIC = 0x534b4853; // "SKHS"
    private static final int VERSION = 1;
    private static final int MAX_FILE = 4 << 20;
    private static final int LEVELS = LogLevel.values().length + 1;

    long coveredBytes;
    long lines;
    /** Epoch millis of the earliest line, rounded down, and just after the latest (an exclusive bound). */
    long minAt = Long.MAX_VALUE;
    long maxAt = Long.MIN_VALUE;
    final long[] levels;
    final BloomFilter tokens;
    final long[] trigrams;

    HourSummary() {
        this(new long[LEVELS], new BloomFilter(BloomFilter.DEFAULT_WORDS), new long[TRIGRAM_WORDS]);
    }

    private HourSummary(long[] levels, BloomFilter tokens, long[] trigrams) {
        this.levels = levels;
        this.tokens = tokens;
        this.trigrams = trigrams;
    }

    void add(LogLine line) {
        lines++;
        long millis = line.at().toEpochMilli();
        minAt = Math.min(minAt, millis);
        maxAt = Math.max(maxAt, millis + 1);
        levels[line.level() == null ? LEVELS - 1 : line.level().ordinal()]++;
        tokens.add("container:" + CaseFold.fold(line.container()));
        if (line.logger() != null) {
            tokens.add("logger:" + CaseFold.fold(line.logger()));
            tokens.add(PRESENT + "logger");
        }
        for (Map.Entry<String, String> field : line.fields().entrySet()) {
            String name = CaseFold.fold(field.getKey());
            tokens.add(name + ':' + CaseFold.fold(field.getValue()));
            tokens.add(PRESENT + name);
        }
        addTrigrams(line.message());
        if (line.raw() != line.message()) {
            addTrigrams(line.raw());
        }
        List<String> folded = line.continuation();
        for (int i = 0; i < folded.size(); i++) {
            addTrigrams(folded.get(i));
        }
    }

    boolean isEmpty() {
        return lines == 0;
    }

    /** Lines of any level from {@code lowest} to {@code highest}. */
    long linesAtLevels(LogLevel lowest, LogLevel highest) {
        long count = 0;
        for (int i = lowest.ordinal(); i <= highest.ordinal(); i++) {
            count += levels[i];
        }
        return count;
    }

    /** Whether some text of the hour has these three chars, folded, in a row. */
    boolean hasTrigram(char a, char b, char c) {
        if ((a | b | c) < 0x80) {
            int index = a << 14 | b << 7 | c;
            return (trigrams[index >>> 6] & 1L << index) != 0;
        }
        return tokens.mightContain(new String(new char[] {TRIGRAM, a, b, c}));
    }

    HourSummary copy() {
        HourSummary copy = new HourSummary(levels.clone(), tokens.copy(), trigrams.clone());
        copy.coveredBytes = coveredBytes;
        copy.lines = lines;
        copy.minAt = minAt;
        copy.maxAt = maxAt;
        return copy;
    }

    private void addTrigrams(String text) {
        if (text.length() < 3) {
            return;
        }
        char a = CaseFold.fold(text.charAt(0));
        char b = CaseFold.fold(text.charAt(1));
        for (int i = 2; i < text.length(); i++) {
            char c = CaseFold.fold(text.charAt(i));
            if ((a | b | c) < 0x80) {
                int index = a << 14 | b << 7 | c;
                trigrams[index >>> 6] |= 1L << index;
            } else {
                tokens.add(new String(new char[] {TRIGRAM, a, b, c}));
            }
            a = b;
            b = c;
        }
    }

    /** Writes the summary beside its hour file: to a temporary file first, then moved over the old one. */
    void write(Path file) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.writeLong(coveredBytes);
            out.writeLong(lines);
            out.writeLong(minAt);
            out.writeLong(maxAt);
            for (long count : levels) {
                out.writeLong(count);
            }
            writeWords(out, tokens.words());
            writeWords(out, trigrams);
        }
        byte[] raw = body.toByteArray();
        byte[] packed = Zstd.compress(raw, 3);
        CRC32C crc = new CRC32C();
        crc.update(packed);
        ByteBuffer bytes = ByteBuffer.allocate(20 + packed.length);
        bytes.putInt(MAGIC).putInt(VERSION).putInt(raw.length).putInt(packed.length).putInt((int) crc.getValue()).put(packed);
        bytes.flip();
        ReplacedFile.write(file, ".tmp", bytes);
    }

    /** The summary in a file, or null when there is none, it is not a plain file, or it is damaged. */
    static HourSummary read(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() > MAX_FILE || attributes.size() < 20) {
                return null;
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) attributes.size());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                    // read to the end or the size seen
                }
            }
            bytes.flip();
            if (bytes.remaining() < 20 || bytes.getInt() != MAGIC || bytes.getInt() != VERSION) {
                return null;
            }
            int rawLength = bytes.getInt();
            int packedLength = bytes.getInt();
            int crc = bytes.getInt();
            if (rawLength <= 0 || rawLength > 2 * MAX_FILE || packedLength != bytes.remaining()) {
                return null;
            }
            byte[] packed = new byte[packedLength];
            bytes.get(packed);
            CRC32C check = new CRC32C();
            check.update(packed);
            if ((int) check.getValue() != crc) {
                return null;
            }
            return fromBody(Zstd.decompress(packed, rawLength));
        } catch (IOException | ZstdException | IllegalArgumentException e) {
            return null;
        }
    }

    private static HourSummary fromBody(byte[] body) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            long covered = in.readLong();
            long lines = in.readLong();
            long minAt = in.readLong();
            long maxAt = in.readLong();
            long[] levels = new long[LEVELS];
            for (int i = 0; i < LEVELS; i++) {
                levels[i] = in.readLong();
            }
            long[] tokens = readWords(in, BloomFilter.DEFAULT_WORDS);
            long[] trigrams = readWords(in, TRIGRAM_WORDS);
            if (tokens == null || trigrams == null || lines < 0 || covered < 0) {
                return null;
            }
            HourSummary summary = new HourSummary(levels, new BloomFilter(tokens), trigrams);
            summary.coveredBytes = covered;
            summary.lines = lines;
            summary.minAt = minAt;
            summary.maxAt = maxAt;
            return summary;
        }
    }

    private static void writeWords(DataOutputStream out, long[] words) throws IOException {
        out.writeInt(words.length);
        for (long word : words) {
            out.writeLong(word);
        }
    }

    private static long[] readWords(DataInputStream in, int expected) throws IOException {
        if (in.readInt() != expected) {
            return null;
        }
        long[] words = new long[expected];
        for (int i = 0; i < expected; i++) {
            words[i] = in.readLong();
        }
        return words;
    }
}
