package io.microdrama.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassDataArchiveTest {

    @TempDir
    Path app;

    @Test
    void theFirstRunRecordsTheArchiveAtExit() throws Exception {
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");

        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + app.resolve("platform-cds.jsa")),
                ClassDataArchive.options(app.resolve("platform-cds.jsa"), jar));
    }

    @Test
    void aLaterRunMapsAnArchiveNewerThanTheJar() throws Exception {
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Path archive = Files.writeString(app.resolve("platform-cds.jsa"), "archive");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));

        assertEquals(List.of("-XX:SharedArchiveFile=" + archive), ClassDataArchive.options(archive, jar));
        assertTrue(Files.exists(archive));
    }

    @Test
    void anArchiveOlderThanARebuiltJarIsDroppedAndRecordedAgain() throws Exception {
        Path archive = Files.writeString(app.resolve("platform-cds.jsa"), "archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "rebuilt");

        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + archive), ClassDataArchive.options(archive, jar));
        assertFalse(Files.exists(archive));
    }

    @Test
    void nothingWhereTheServiceIsNotPackaged() {
        assertEquals(List.of(),
                ClassDataArchive.options(app.resolve("missing/platform-cds.jsa"), app.resolve("missing/quarkus-run.jar")));
    }
}
