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
    void theFirstRunRecordsBesideTheArchiveAndAGracefulStopMakesItTheArchive() throws Exception {
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        // Built a while before the run (file times can be coarser than this test is fast).
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Path archive = app.resolve("platform-cds.jsa");

        ClassDataArchive run = ClassDataArchive.at(archive, jar);
        assertEquals(List.of("-Xlog:cds*=off", "-XX:ArchiveClassesAtExit=" + app.resolve("platform-cds.jsa.recording")),
                run.jvmOptions());

        Files.writeString(app.resolve("platform-cds.jsa.recording"), "classes");   // what the JVM writes at exit
        run.afterExit(true);
        assertEquals("classes", Files.readString(archive));
        assertEquals(List.of("-Xlog:cds*=off", "-XX:SharedArchiveFile=" + archive), ClassDataArchive.at(archive, jar).jvmOptions());
    }

    @Test
    void aRecordingOfAJvmThatWasKilledIsNeverMapped() throws Exception {
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Path archive = app.resolve("platform-cds.jsa");
        ClassDataArchive run = ClassDataArchive.at(archive, jar);
        Files.writeString(app.resolve("platform-cds.jsa.recording"), "half written");

        run.afterExit(false);

        assertFalse(Files.exists(archive));
        assertFalse(Files.exists(app.resolve("platform-cds.jsa.recording")));
    }

    @Test
    void anArchiveOlderThanARebuiltJarIsDroppedAndRecordedAgain() throws Exception {
        Path archive = Files.writeString(app.resolve("platform-cds.jsa"), "archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "rebuilt");

        assertTrue(ClassDataArchive.at(archive, jar).jvmOptions().contains(
                "-XX:ArchiveClassesAtExit=" + app.resolve("platform-cds.jsa.recording")));
        assertFalse(Files.exists(archive));
    }

    @Test
    void nothingWhereTheServiceIsNotPackaged() {
        assertEquals(List.of(), ClassDataArchive.at(app.resolve("missing/platform-cds.jsa"),
                app.resolve("missing/quarkus-run.jar")).jvmOptions());
    }
}
