package io.microdrama.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge that left its conflict markers in a file. Code with them does not compile, but a README, a template or a
 * properties file does, and two module READMEs once carried both sides of a conflict for a day. One module's test
 * reads the text files of every module.
 */
class NoMergeMarkersTest {

    private static final Pattern MARKER = Pattern.compile("(?m)^(<{7} |>{7} |={7}$)");
    private static final Set<String> TEXT = Set.of(".md", ".java", ".properties", ".yaml", ".yml", ".html", ".json", ".sql",
            ".xml", ".css", ".js", ".sh", ".csv");

    @Test
    void noFileCarriesConflictMarkers() throws IOException {
        Path root = RepositoryRoot.find();
        List<String> marked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(path -> TEXT.stream().anyMatch(path.getFileName().toString()::endsWith))
                    .filter(path -> {
                        String relative = root.relativize(path).toString();
                        return !relative.contains("/target/") && !relative.contains("node_modules")
                                && !relative.startsWith(".") && !relative.contains("/.");
                    })
                    .forEach(path -> {
                        Matcher matcher = MARKER.matcher(read(path));
                        if (matcher.find()) {
                            marked.add(root.relativize(path) + ": " + matcher.group(1).strip());
                        }
                    });
        }
        assertThat(marked).as("files with merge conflict markers").isEmpty();
    }

    @Test
    void theMarkersAreRecognised() {
        assertThat(MARKER.matcher("text\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> branch\n").find()).isTrue();
        assertThat(MARKER.matcher("a heading\n=======\n").find()).as("a setext heading underline of 7 '='").isTrue();
        assertThat(MARKER.matcher("| a | b |\n|---|---|\n====== six\n").find()).isFalse();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (MalformedInputException notUtf8) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
