package io.microdrama.deploy;

import io.microdrama.deploy.checks.Check;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders each overlay with kubectl kustomize and runs every check on it: one test per (overlay, check). */
@KubectlAvailable
class OverlayValidationTest {

    @TestFactory
    Stream<DynamicContainer> everyOverlayPassesEveryCheck() {
        return Platform.overlays().stream().map(name -> DynamicContainer.dynamicContainer(name,
                Check.all().stream().map(check -> DynamicTest.dynamicTest(check.name(), () -> {
                    Overlay overlay = Overlay.load(name);
                    assertThat(overlay.manifest().objects()).as("rendered objects").isNotEmpty();
                    List<String> problems = check.run(overlay);
                    assertThat(problems).as("%s check on overlay %s", check.name(), name).isEmpty();
                }))));
    }
}
