package io.microdrama.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo packages in the repository are valid and exactly what {@link DemoPackages} writes. */
class DemoPackagesTest {

    static final Path COMMITTED = Path.of(System.getProperty("platform.root", "..")).resolve("demo/packages");

    @Test
    void committedPackagesAreTheGeneratedOnes(@TempDir Path generated) throws IOException {
        DemoPackages.write(generated);
        assertThat(files(COMMITTED)).as("file list (regenerate with DemoPackages.main)").isEqualTo(files(generated));
        for (Path relative : files(generated)) {
            assertThat(Files.readString(COMMITTED.resolve(relative))).as(relative.toString())
                    .isEqualTo(Files.readString(generated.resolve(relative)));
        }
    }

    @Test
    void everyDemoPackageIsValidAndTheCatalogueHasTheRightShape() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> studios = Files.list(COMMITTED)) {
            List<Path> packages = studios.flatMap(studio -> {
                try {
                    return Files.list(studio).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(packages).hasSize(20);
            for (Path root : packages) {
                DramaPackage pkg = DramaPackage.read(root, json);
                assertThat(new PackageValidator().validate(pkg)).as(root.toString()).isEmpty();
                assertThat(pkg.manifest().path("episodes").size()).as(root + " episodes").isBetween(50, 100);
            }
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains(".studio-push"))
                    .map(root::relativize).sorted().toList();
        }
    }
}
