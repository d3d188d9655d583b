package io.microdrama.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root, for the guards that read every module: the nearest parent of the test's directory holding {@code mvnw}. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** Surefire runs in the module directory. */
    static Path find() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("No mvnw above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
