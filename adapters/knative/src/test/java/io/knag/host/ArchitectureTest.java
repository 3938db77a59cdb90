package io.knag.host;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries of DESIGN.md §1, checked on the compiled classes of every module on this classpath. */
class ArchitectureTest {

    static final String[] FUNCTIONS = {"io.knag.kernel..", "io.knag.identity..", "io.knag.vault..", "io.knag.bots..",
            "io.knag.runtime.local.."};
    static final String[] DOMAIN = {"io.knag.kernel", "io.knag.kernel.auth", "io.knag.kernel.events",
            "io.knag.kernel.crypto", "io.knag.identity", "io.knag.vault", "io.knag.bots", "io.knag.bots.runtime"};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("__")) // Spring AOT output (./mvnw -Paot)
                .importPackages("io.knag");
    }

    @Test
    void functionsImportNoPlatformSdk() {
        noClasses().that().resideInAnyPackage(FUNCTIONS)
                .should().dependOnClassesThat().resideInAnyPackage("com.amazonaws..", "software.amazon..",
                        "com.microsoft.azure..", "com.azure..", "io.fabric8.knative..", "dev.knative..",
                        "org.springframework.cloud.function.adapter..", "org.springframework.web..",
                        "org.springframework.http..", "io.knag.host..")
                .check(classes);
    }

    @Test
    void domainImportsNoFramework() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..",
                        "org.flywaydb..", "jakarta..", "com.fasterxml.jackson..", "io.netty..")
                .check(classes);
    }

    @Test
    void capabilityInternalsAreHiddenFromOtherModules() {
        for (String capability : new String[] {"identity", "vault", "bots", "runtime.local", "runtime.kubernetes"}) {
            noClasses().that().resideOutsideOfPackage("io.knag." + capability + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.knag." + capability + ".internal..")
                    .check(classes);
        }
    }

    @Test
    void theSharedRoutesAndEventCodecHoldNoBusinessLogic() {
        io.knag.http.journey.AdapterBoundaries.check("io.knag.host..", "io.knag.http..", "io.knag.cloudevents..");
    }

    @Test
    void theHostHoldsNoBusinessLogicOnlyCallsFunctionsByName() {
        noClasses().that().resideInAPackage("io.knag.host..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.knag.identity.Accounts")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.identity.Sessions")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.identity.AccountStore")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.identity.SessionStore")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.identity.SigningKeyStore")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.identity.PasswordHasher")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.identity.PasswordPolicy")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.vault.Credentials")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.vault.VaultKeys")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.vault.CredentialStore")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.vault.VaultKeyStore")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.bots.Bots")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.bots.Launches")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.bots.BotManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.bots.Convergence")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.knag.bots.BotStore")
                .orShould().dependOnClassesThat().resideInAPackage("io.knag.bots.runtime..")
                .check(classes);
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
