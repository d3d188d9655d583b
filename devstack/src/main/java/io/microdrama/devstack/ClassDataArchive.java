package io.microdrama.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * Application class-data sharing (AppCDS) for a JVM the platform starts again and again: the first run records the
 * classes it loaded into an archive when it exits ({@code -XX:ArchiveClassesAtExit}, JDK 13+), later runs map that
 * archive instead of loading, parsing and verifying the same classes again. A JVM spends most of its start-up there,
 * and three services starting at once on two cores compete for exactly that CPU.
 * <p>
 * Safe by construction: an archive older than what it was made from (a rebuilt jar) is deleted and recorded again;
 * a JVM that cannot use an archive (another JDK build) ignores it and starts normally ({@code -Xshare:auto}, the
 * default). Recording costs a few seconds at the JVM's exit, once per build. Tests do not use it: parallel test JVMs
 * would record the same file at once, and a test runs each build only a few times.
 */
final class ClassDataArchive {

    private ClassDataArchive() {
    }

    /**
     * The JVM options for a run: map {@code archive} if it is newer than every one of {@code madeFrom}, otherwise
     * record it at exit (replacing a stale one); none where the archive's directory does not exist.
     */
    static List<String> options(Path archive, Path... madeFrom) {
        if (!Files.isDirectory(archive.getParent())) {
            return List.of();
        }
        try {
            if (Files.exists(archive) && newerThanAll(archive, madeFrom)) {
                return List.of("-XX:SharedArchiveFile=" + archive);
            }
            Files.deleteIfExists(archive);
            return List.of("-XX:ArchiveClassesAtExit=" + archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean newerThanAll(Path archive, Path... madeFrom) throws IOException {
        FileTime archived = Files.getLastModifiedTime(archive);
        for (Path input : madeFrom) {
            if (Files.exists(input) && Files.getLastModifiedTime(input).compareTo(archived) >= 0) {
                return false;
            }
        }
        return true;
    }
}
