package io.knag.kernel.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules fail on a class that breaks them, by package alone: no list of class names to keep up to date. */
class KnagArchitectureTest {

    static final JavaClasses examples = new ClassFileImporter().importPackages("io.knag.kernel.architecture.example",
            "io.knag.kernel.architecture.outsider");

    @Test
    void aNewDomainClassThatReachesForAFrameworkFailsTheDomainRule() {
        assertThatThrownBy(() -> KnagArchitecture.DOMAIN_IS_PLAIN_JAVA.check(examples))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyRule")
                .hasMessageContaining("org.springframework.util.Assert")
                .hasMessageNotContaining("PlainRule");
    }

    @Test
    void aClassOfAnotherModuleThatUsesAnInternalAdapterFailsTheInternalsRule() {
        assertThatThrownBy(() -> KnagArchitecture.INTERNALS_STAY_IN_THEIR_MODULE.check(examples))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Outsider")
                .hasMessageContaining("MemoryExampleStore");
    }

    @Test
    void theAdapterOfAPortInItsOwnModuleKeepsTheRules() {
        JavaClasses module = new ClassFileImporter().importPackages("io.knag.kernel.architecture.example.application",
                "io.knag.kernel.architecture.example.internal");
        KnagArchitecture.INTERNALS_STAY_IN_THEIR_MODULE.check(module);
        KnagArchitecture.APPLICATION_KNOWS_NO_ADAPTER.check(module);
    }

    @Test
    void aModuleIsThePackageAboveItsInternals() {
        assertThat(KnagArchitecture.moduleOf("io.knag.bots.reports.internal")).isEqualTo("io.knag.bots.reports");
        assertThat(KnagArchitecture.moduleOf("io.knag.bots.internal.x")).isEqualTo("io.knag.bots");
    }

    @Test
    void thePlatformKeepsEveryRule() {
        JavaClasses kernel = KnagArchitecture.importPlatform("io.knag.kernel");
        KnagArchitecture.all().forEach(rule -> rule.check(kernel));
    }
}
