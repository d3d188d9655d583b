package io.microdrama.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allowed dependencies between the project's own modules, held against every pom.xml (docs/architecture.md,
 * "Modules"). What it keeps true: the rule libraries (contracts, subtitles, web-support) depend on nothing of ours;
 * no service depends on another service; the gateway has the shared web parts but not the outbox; the real-stack
 * helpers (devstack, test-support) reach the services in test scope only.
 */
class ModuleDependenciesTest {

    private static final Set<String> TEST_ONLY = Set.of("devstack", "test-support");

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            entry("contracts", Set.of()),
            entry("subtitles", Set.of()),
            entry("web-support", Set.of("contracts")),
            entry("devstack", Set.of()),
            entry("service-support", Set.of("contracts", "web-support")),
            entry("test-support", Set.of("devstack", "contracts")),
            entry("catalog-service", Set.of("contracts", "service-support", "devstack", "test-support")),
            entry("localization-service", Set.of("contracts", "service-support", "subtitles", "devstack", "test-support")),
            entry("billing-service", Set.of("contracts", "service-support", "devstack", "test-support")),
            entry("gateway", Set.of("contracts", "web-support", "devstack", "test-support")),
            // The console calls the gateway's public API over HTTP only; of ours only the rule libraries contracts and subtitles.
            entry("ops-console", Set.of("contracts", "subtitles")),
            entry("studio-push", Set.of("contracts", "subtitles")),
            entry("deploy", Set.of()),
            entry("benchmarks", Set.of("contracts", "subtitles", "devstack", "test-support")),
            // The fault drills start devstack and the packaged services as processes (PackagedPlatform), as benchmarks do.
            entry("drills", Set.of("contracts", "devstack")),
            // The end-to-end tests start the packaged services: they depend on all of them, to be built after them.
            entry("e2e-tests", Set.of("contracts", "devstack", "test-support", "catalog-service", "localization-service",
                    "billing-service", "gateway", "studio-push", "ops-console")));

    private static final Set<String> SERVICES = Set.of("catalog-service", "localization-service", "billing-service", "gateway");

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    @Test
    void everyModuleDependsOnlyOnWhatItsRowAllows() throws IOException {
        Map<String, List<String>> violations = new TreeMap<>();
        for (String module : modules()) {
            assertThat(ALLOWED).as("a row for module " + module + " in this table").containsKey(module);
            for (OwnDependency dependency : ownDependencies(module)) {
                if (!ALLOWED.get(module).contains(dependency.artifactId())) {
                    violations.computeIfAbsent(module, key -> new ArrayList<>()).add(dependency.artifactId());
                } else if (SERVICES.contains(module) && TEST_ONLY.contains(dependency.artifactId())
                        && !"test".equals(dependency.scope())) {
                    violations.computeIfAbsent(module, key -> new ArrayList<>())
                            .add(dependency.artifactId() + " outside test scope");
                }
            }
        }
        assertThat(violations).as("dependencies on our own modules that docs/architecture.md does not allow").isEmpty();
    }

    @Test
    void noServiceDependsOnAnotherService() {
        ALLOWED.forEach((module, allowed) -> {
            if (SERVICES.contains(module)) {
                assertThat(allowed).as(module).doesNotContainAnyElementsOf(SERVICES);
            }
        });
        assertThat(ALLOWED.get("gateway")).as("the gateway does not carry the outbox").doesNotContain("service-support");
    }

    private record OwnDependency(String artifactId, String scope) {
    }

    private static Set<String> modules() throws IOException {
        Set<String> modules = new TreeSet<>();
        Matcher matcher = MODULE.matcher(Files.readString(RepositoryRoot.find().resolve("pom.xml")));
        while (matcher.find()) {
            modules.add(matcher.group(1).trim());
        }
        assertThat(modules).contains("contracts", "catalog-service", "gateway", "benchmarks");
        return modules;
    }

    private static List<OwnDependency> ownDependencies(String module) throws IOException {
        String pom = Files.readString(RepositoryRoot.find().resolve(module).resolve("pom.xml"))
                .replaceAll("(?s)<parent>.*?</parent>", "")
                .replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "")
                .replaceAll("(?s)<!--.*?-->", "");
        List<OwnDependency> dependencies = new ArrayList<>();
        Matcher matcher = DEPENDENCY.matcher(pom);
        while (matcher.find()) {
            String body = matcher.group(1);
            if ("io.microdrama".equals(element(body, "groupId"))) {
                dependencies.add(new OwnDependency(element(body, "artifactId"), element(body, "scope")));
            }
        }
        return dependencies;
    }

    private static String element(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + name + ">\\s*([^<]+?)\\s*</" + name + ">").matcher(xml);
        return matcher.find() ? matcher.group(1) : null;
    }
}
