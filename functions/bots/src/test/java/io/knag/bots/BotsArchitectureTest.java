package io.knag.bots;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.knag.kernel.architecture.KnagArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The bots module keeps the platform's rules by package (its README, "Packages"), checked here on its own. */
class BotsArchitectureTest {

    static final JavaClasses classes = KnagArchitecture.importPlatform("io.knag.bots");

    @TestFactory
    Stream<DynamicTest> theBotsModuleKeepsThePlatformRules() {
        return KnagArchitecture.all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
