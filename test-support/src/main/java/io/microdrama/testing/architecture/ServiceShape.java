package io.microdrama.testing.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
                .should().dependOnClassesThat().haveNameMatching(
                        "io\\.microdrama\\.support\\.(outbox\\.Outbox|audit\\.AuditTrail)")
                .as("outgoing events (audit records too) are appended in one place per service: its use cases");
        return List.of(layers, domainIsPlainJava, domainDependsOnNothingAround, adaptersDoNotReachPersistence,
                onlyUseCasesAppendToTheOutbox);
    }

    /**
     * Shared web-support values the gateway's {@code domain} may use: plain Java (web-support's own test keeps them so),
     * so using them adds no framework type to the domain.
     */
    static final List<String> PLAIN_SHARED_VALUES = List.of(
            "io.microdrama.support.security.Roles", "io.microdrama.support.security.CallerGrants");

    /**
     * The gateway's shape (it owns no data, so it has no {@code application}, {@code persistence} or
     * {@code messaging}):
     * <ul>
     *   <li>{@code api} is the incoming adapter (JAX-RS entry, dispatcher, problem answers): nothing calls it but
     *       {@code config};</li>
     *   <li>{@code upstream} is the outgoing adapter (HTTP client, breakers, failures): only {@code api} and
     *       {@code config} reach it, and it is the only package making outgoing HTTP calls or holding breakers;</li>
     *   <li>{@code domain} (route table, access policy, token buckets) is plain Java and depends only on the JDK,
     *       {@code contracts} and web-support's plain values; stricter than the services' deny-list;</li>
     *   <li>no outbox, inbox, database or Kafka anywhere: the gateway uses web-support, never service-support.</li>
     * </ul>
     */
    public static List<ArchRule> gatewayRules(String basePackage) {
        String api = basePackage + ".api..";
        String upstream = basePackage + ".upstream..";
        String domain = basePackage + ".domain..";
        String config = basePackage + ".config..";
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy(api)
                .layer("upstream").definedBy(upstream)
                .layer("domain").definedBy(domain)
                .layer("config").definedBy(config)
                .whereLayer("api").mayOnlyBeAccessedByLayers("config")
                .whereLayer("upstream").mayOnlyBeAccessedByLayers("api", "config")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "upstream", "config")
                .as("api is the incoming adapter, upstream the outgoing one; both use domain");
        ArchRule domainIsPlainJava = classes().that().resideInAPackage(domain)
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "io.microdrama.contracts..", domain)
                        .or(fullyQualifiedNameIn(PLAIN_SHARED_VALUES)))
                .as("domain is plain Java: the JDK, contracts and web-support's plain values only");
        ArchRule onlyUpstreamCallsOut = noClasses().that().resideOutsideOfPackage(upstream)
                .and().resideOutsideOfPackage(config)
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.web.client..",
                        "io.vertx.mutiny.ext.web.client..", "io.smallrye.faulttolerance..")
                .as("outgoing HTTP calls and circuit breakers live in upstream only");
        ArchRule noServiceSupport = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.microdrama.support.outbox..", "io.microdrama.support.inbox..", "io.microdrama.support.config..",
                        "org.hibernate..", "jakarta.persistence..", "io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..",
                        "org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..")
                .as("the gateway owns no data and sends no events: no outbox, inbox, database or Kafka");
        return List.of(layers, domainIsPlainJava, onlyUpstreamCallsOut, noServiceSupport);
    }

    private static DescribedPredicate<JavaClass> fullyQualifiedNameIn(List<String> names) {
        return DescribedPredicate.describe("one of " + names, type -> names.contains(type.getName()));
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
        checkAll(basePackage, rules(basePackage));
    }

    /** As {@link #check(String)}, with the gateway's rules ({@link #gatewayRules(String)}). */
    public static void checkGateway(String basePackage) {
        checkAll(basePackage, gatewayRules(basePackage));
    }

    private static void checkAll(String basePackage, List<ArchRule> rules) {
        JavaClasses classes = importService(basePackage);
        StringBuilder failures = new StringBuilder();
        for (ArchRule rule : rules) {
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
