package io.knag.azure;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.knag.kernel.architecture.KnagArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The platform's boundaries (docs/architecture.md, "Modules and their packages") on the Azure adapter's class path:
 * it calls functions, through the shared routes and event consumers, and nothing behind them.
 */
class ArchitectureTest {

    static final JavaClasses classes = KnagArchitecture.importPlatform();

    @TestFactory
    Stream<DynamicTest> theAdapterAndEveryModuleKeepThePlatformRules() {
        return KnagArchitecture.all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
