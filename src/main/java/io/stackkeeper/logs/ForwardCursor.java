package io.stackkeeper.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How far the forwarding got in each service's kept lines: the time of the last line sent and how many sent lines
 * carry that time (the engine may stamp many lines with one second). Saved in a small file replaced atomically; a
 * file that is damaged, too long or names services the portal does not know counts for nothing it cannot read.
 */
final class ForwardCursor {

    /**
     * A service's place: the lines before {@code at}, and the first {@code atCount} kept lines of {@code at} (raw
     * lines: a stack trace counts its folded lines), were sent.
     */
    record Position(Instant at, int atCount) {

        /** The place after sending {@code line}, the next after this one. */
        Position after(LogLine line) {
            int raw = 1 + line.continuation().size();
            return line.at().equals(at) ? new Position(at, atCount + raw) : new Position(line.at(), raw);
        }
    }

    private static final int MOST_BYTES = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ForwardCursor.class);

    private final Path file;

    ForwardCursor(Path file) {
        this.file = file;
    }

    /** The saved places of the services named in {@code known}; none when nothing was saved or it cannot be read. */
    Map<String, Position> load(Collection<String> known) {
        Map<String, Position> positions = new HashMap<>();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return positions;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MOST_BYTES + 1);
            if (bytes.length > MOST_BYTES) {
                throw new IOException("longer than " + MOST_BYTES + " bytes: not a place this portal saved");
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String[] fields = line.split("\t");
                if (fields.length == 3 && known.contains(fields[0])) {
                    positions.put(fields[0], new Position(Instant.parse(fields[1]), Math.max(0, Integer.parseInt(fields[2]))));
                }
            }
        } catch (IOException | RuntimeException damaged) {
            log.warn("The log forwarding's place in {} cannot be read ({}): forwarding starts again from its backfill.", file, damaged.toString());
            return new HashMap<>();
        }
        return positions;
    }

    /** Writes the places beside the file, forces them to disk, and only then puts them in its place. */
    void save(Map<String, Position> positions) throws IOException {
        StringBuilder text = new StringBuilder();
        positions.forEach((service, p) -> text.append(service).append('\t').append(p.at()).append('\t').append(p.atCount()).append('\n'));
        ReplacedFile.write(file, ".next", ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
