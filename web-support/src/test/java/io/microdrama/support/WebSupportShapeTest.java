package io.microdrama.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The parts of web-support that the gateway's {@code domain} uses (roles, grants, problems as values) stay plain
 * Java, so using them keeps that domain free of framework types.
 */
class WebSupportShapeTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.microdrama.support");

    @Test
    void rolesGrantsAndProblemValuesArePlainJava() {
        ArchRule plain = classes().that().haveFullyQualifiedName("io.microdrama.support.security.Roles")
                .or().haveFullyQualifiedName("io.microdrama.support.security.CallerGrants")
                .or().haveFullyQualifiedName("io.microdrama.support.problem.ProblemException")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.microdrama.contracts..",
                        "io.microdrama.support.security..", "io.microdrama.support.problem..")
                .andShould().notBeAnnotatedWith("jakarta.enterprise.context.RequestScoped");
        plain.check(CLASSES);
    }
}
