package io.knag.host;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.knag.kernel.architecture.KnagArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The platform's boundaries (docs/architecture.md, "Modules and their packages"), checked by package on the
 * compiled classes of every module on this class path, and what only this host can break.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = KnagArchitecture.importPlatform();
    }

    @TestFactory
    Stream<DynamicTest> everyModuleKeepsThePlatformRules() {
        return KnagArchitecture.all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    /**
     * A Spring AOT build (./mvnw -Paot, the fast-starting image of the Dockerfile) decides every condition once, at
     * build time: a condition on a deployment setting (the database URL, K_SINK, the bot runtime, a route switch)
     * would freeze the build machine's value into the image. Settings are read when the host starts instead. The
     * one exception is never part of an AOT-built artifact's decisions: the kernel's pool for Lambda and Azure (not
     * AOT-built, not on this class path) gives way to the host's own pool.
     */
    @Test
    void deploymentSettingsAreReadAtStartNotDecidedByConditions() {
        noClasses().that().resideInAPackage("io.knag..")
                .and().doNotHaveFullyQualifiedName("io.knag.kernel.internal.DatabaseAutoConfiguration")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.boot.autoconfigure.condition.ConditionalOnProperty")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.boot.autoconfigure.condition.ConditionalOnExpression")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.context.annotation.Profile")
                .because("an ahead-of-time build would decide them at build time")
                .check(classes);
    }
}
