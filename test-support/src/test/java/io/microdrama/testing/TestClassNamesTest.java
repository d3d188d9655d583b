package io.microdrama.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard of the test pyramid: surefire runs {@code *Test} (no infrastructure), failsafe runs {@code *IT} (real
 * stack) and {@code *E2E} (packaged services). A test class named otherwise is compiled and never run, which
 * happened once; this fails the build instead. It reads every module's test sources, so one module guards all.
 */
class TestClassNamesTest {

    /** JUnit Jupiter, jqwik and Quarkus annotations that make a class a test class. */
    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example|QuarkusTest|ArchTest)\\b");
    private static final Pattern ABSTRACT_CLASS = Pattern.compile("\\babstract\\s+class\\b");
    private static final List<String> RUN_SUFFIXES = List.of("Test", "IT", "E2E");

    @Test
    void everyTestClassOfEveryModuleMatchesATierPattern() throws IOException {
        List<Path> testSources = testSources();
        assertThat(testSources).as("test sources found under " + RepositoryRoot.find()).hasSizeGreaterThan(50);

        List<String> neverRun = testSources.stream()
                .filter(TestClassNamesTest::declaresTests)
                .filter(source -> RUN_SUFFIXES.stream().noneMatch(className(source)::endsWith))
                .map(source -> RepositoryRoot.find().relativize(source).toString())
                .toList();

        assertThat(neverRun).as("test classes that match no include pattern (*Test, *IT, *E2E) and so never run")
                .isEmpty();
    }

    @Test
    void theGuardRecognisesATestClassThatWouldNeverRun() {
        String source = "class RoundTripProperties { @Property void parsesWhatItWrote() {} }";
        assertThat(TEST_ANNOTATION.matcher(source).find()).isTrue();
        assertThat(RUN_SUFFIXES.stream().noneMatch("RoundTripProperties"::endsWith)).isTrue();
    }

    private static List<Path> testSources() throws IOException {
        try (Stream<Path> files = Files.walk(RepositoryRoot.find())) {
            return files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("/src/test/java/"))
                    .filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/node_modules/"))
                    .toList();
        }
    }

    private static boolean declaresTests(Path source) {
        try {
            String text = Files.readString(source);
            return TEST_ANNOTATION.matcher(text).find() && !ABSTRACT_CLASS.matcher(text).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String className(Path source) {
        String file = source.getFileName().toString();
        return file.substring(0, file.length() - ".java".length());
    }
}
