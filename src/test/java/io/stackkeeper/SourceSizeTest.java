package io.stackkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps classes small enough to read in one sitting: no source file of the portal over 350 lines, unless its Javadoc
 * says why ("Longer than 350 lines because ...").
 */
class SourceSizeTest {

    private static final int MOST_LINES = 350;

    @Test
    void no_class_of_the_portal_is_longer_than_350_lines_without_a_reason_in_its_javadoc() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(file -> file.toString().endsWith(".java")).filter(SourceSizeTest::tooLong)
                    .map(Path::toString).toList();
        }
        assertThat(tooLong).isEmpty();
    }

    private static boolean tooLong(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.size() > MOST_LINES && lines.stream().noneMatch(line -> line.contains("Longer than 350 lines because"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
