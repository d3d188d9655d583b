package io.microdrama.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * Application class-data sharing (AppCDS) for a JVM the platform starts again and again: the first run records the
 * classes it loaded into an archive when it exits ({@code -XX:ArchiveClassesAtExit}, JDK 13+), later runs map that
 * archive instead of loading, parsing and verifying the same classes again. A JVM spends most of its start-up there,
 * and three services and Keycloak starting at once on two cores compete for exactly that CPU.
 * <p>
 * Safe by construction: an archive older than what it was made from (a rebuilt jar) is recorded again; a recording
 * is written beside the archive and only becomes the archive after its JVM stopped gracefully (one killed while
 * writing leaves nothing half-written to map); a JVM that cannot use an archive (another JDK build) ignores it and
 * starts normally ({@code -Xshare:auto}, the default). Recording costs a few seconds at the JVM's exit, once per
 * build. The JVM's CDS warnings (classes it skips) are silenced: they are about the archive, not the service.
 * Tests do not use it: parallel test JVMs would record the same file at once, and a test runs a build only a few times.
 */
final class ClassDataArchive {

    private static final String QUIET = "-Xlog:cds*=off";

    private final Path archive;
    private final Path recording;
    private final List<String> jvmOptions;

    private ClassDataArchive(Path archive, List<String> jvmOptions) {
        this.archive = archive;
        this.recording = archive.resolveSibling(archive.getFileName() + ".recording");
        this.jvmOptions = jvmOptions;
    }

    /**
     * The archive for a run: mapped if it is newer than every one of {@code madeFrom}, otherwise recorded at exit;
     * none (no options) where the archive's directory does not exist.
     */
    static ClassDataArchive at(Path archive, Path... madeFrom) {
        if (!Files.isDirectory(archive.getParent())) {
            return new ClassDataArchive(archive, List.of());
        }
        ClassDataArchive none = new ClassDataArchive(archive, List.of());
        try {
            Files.deleteIfExists(none.recording);
            if (Files.exists(archive) && newerThanAll(archive, madeFrom)) {
                return new ClassDataArchive(archive, List.of(QUIET, "-XX:SharedArchiveFile=" + archive));
            }
            Files.deleteIfExists(archive);
            return new ClassDataArchive(archive, List.of(QUIET, "-XX:ArchiveClassesAtExit=" + none.recording));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }

    /** After the JVM exited: a recording becomes the archive only if the JVM stopped gracefully. */
    void afterExit(boolean stoppedGracefully) {
        try {
            if (stoppedGracefully && Files.exists(recording)) {
                Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recording);
            }
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
