package io.knag.paper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The paper module's layers, by package: domain ← application ← internal, and the domain free of frameworks. */
class PaperArchitectureTest {

    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.knag.paper");

    @Test
    void theDomainIsPlainJava() {
        noClasses().that().resideInAPackage("io.knag.paper.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.knag.paper.domain..", "java..")
                .because("the exchange's rules are tested and benchmarked without any framework")
                .check(classes);
    }

    @Test
    void theApplicationKnowsNoAdapter() {
        noClasses().that().resideInAPackage("io.knag.paper.application..")
                .should().dependOnClassesThat().resideInAnyPackage("io.knag.paper.internal..", "org.springframework..",
                        "io.r2dbc..")
                .because("use cases reach storage and market data only through their ports")
                .check(classes);
    }
}
