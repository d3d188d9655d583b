package io.microdrama.testing.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The one package shape of every service (docs/architecture.md, "Package shape"), as rules a service's build checks:
 * <ul>
 *   <li>{@code api} (HTTP) and {@code messaging} (Kafka) are adapters: they call use cases and nothing calls them;</li>
 *   <li>{@code application} holds the use cases: it owns the transaction and builds the outgoing events;</li>
 *   <li>{@code domain} is plain Java: rules and values, no framework, HTTP, persistence or driver types;</li>
 *   <li>{@code persistence} owns entities and every query; only use cases call it;</li>
 *   <li>{@code config} wires things together and may see everything.</li>
 * </ul>
 * Held here once so the three services cannot drift apart again.
 */
public final class ServiceShape {

    /** Framework, HTTP, persistence and driver packages that must never appear in {@code domain}. */
    static final List<String> NOT_IN_DOMAIN = List.of(
            "jakarta.ws.rs..", "jakarta.persistence..", "jakarta.enterprise..", "jakarta.inject..",
            "jakarta.transaction..", "io.quarkus..", "io.vertx..", "io.smallrye..", "org.hibernate..",
            "org.jboss..", "org.apache.kafka..", "org.eclipse.microprofile..", "io.netty..",
            "com.fasterxml.jackson..", "java.sql..", "org.postgresql..", "io.microdrama.support..");

    private ServiceShape() {
    }

    /** The rules for the service whose classes live under {@code basePackage} (e.g. {@code io.microdrama.catalog}). */
    public static List<ArchRule> rules(String basePackage) {
        String api = basePackage + ".api..";
        String messaging = basePackage + ".messaging..";
        String application = basePackage + ".application..";
        String domain = basePackage + ".domain..";
        String persistence = basePackage + ".persistence..";
        String config = basePackage + ".config..";
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy(api)
                .layer("messaging").definedBy(messaging)
                .layer("application").definedBy(application)
                .layer("domain").definedBy(domain)
                .layer("persistence").definedBy(persistence)
                .layer("config").definedBy(config)
                .whereLayer("api").mayOnlyBeAccessedByLayers("config")
                .whereLayer("messaging").mayOnlyBeAccessedByLayers("config")
                .whereLayer("application").mayOnlyBeAccessedByLayers("api", "messaging", "config")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("application", "config")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "messaging", "application", "persistence", "config")
                .as("api and messaging are adapters onto application (use cases); persistence is reached only by use cases");
        ArchRule domainIsPlainJava = noClasses().that().resideInAPackage(domain)
                .should().dependOnClassesThat().resideInAnyPackage(NOT_IN_DOMAIN.toArray(String[]::new))
                .as("domain is plain Java: no framework, HTTP, persistence or driver types");
        ArchRule domainDependsOnNothingAround = noClasses().that().resideInAPackage(domain)
                .should().dependOnClassesThat().resideInAnyPackage(api, messaging, application, persistence, config)
                .as("domain depends on no other package of its service");
        ArchRule adaptersDoNotReachPersistence = noClasses().that().resideInAnyPackage(api, messaging)
                .should().dependOnClassesThat().resideInAnyPackage(persistence, "org.hibernate..", "jakarta.persistence..",
                        "io.quarkus.hibernate..", "io.vertx.mutiny.sqlclient..", "io.vertx.sqlclient..")
                .as("api and messaging run no query: they call a use case");
        ArchRule onlyUseCasesAppendToTheOutbox = noClasses().that().resideOutsideOfPackage(application)
                .and().resideOutsideOfPackage(config)
                .should().dependOnClassesThat().haveFullyQualifiedName("io.microdrama.support.outbox.Outbox")
                .as("outgoing events are appended in one place per service: its use cases");
        return List.of(layers, domainIsPlainJava, domainDependsOnNothingAround, adaptersDoNotReachPersistence,
                onlyUseCasesAppendToTheOutbox);
    }

    /** The production classes of a service (tests left out), for {@link #check(String)}. */
    public static JavaClasses importService(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /** Checks every rule and fails with all violations of all rules at once. */
    public static void check(String basePackage) {
        JavaClasses classes = importService(basePackage);
        StringBuilder failures = new StringBuilder();
        for (ArchRule rule : rules(basePackage)) {
            var result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.append(result.getFailureReport()).append('\n');
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("Service shape of " + basePackage + " broken:\n" + failures);
        }
    }
}
