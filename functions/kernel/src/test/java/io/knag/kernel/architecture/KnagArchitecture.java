package io.knag.kernel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.stream.Stream;

/**
 * The platform's boundaries (docs/architecture.md, "Modules and their packages"), written by package so that a
 * new class is covered the day it is written. Each capability has its API at its top package (commands, views,
 * events), {@code domain} (rules in plain Java), {@code application} (use cases and the ports they need) and
 * {@code internal} (adapters and wiring). Every host runs {@link #all()} on its whole class path; a module may
 * run them on its own classes.
 */
public final class KnagArchitecture {

    /** What a domain or a use case may not know of. */
    static final String[] FRAMEWORKS = {"org.springframework..", "io.r2dbc..", "org.flywaydb..", "jakarta..",
            "com.fasterxml.jackson..", "io.netty..", "io.fabric8..", "io.cloudevents.."};
    /** The business functions; their classes outside {@code internal} and persistence know no framework. */
    static final String[] CAPABILITIES = {"io.knag.identity..", "io.knag.vault..", "io.knag.bots..", "io.knag.paper..",
            "io.knag.kernel.."};
    /** Where frameworks are at home: adapters, and the kernel's database and lifecycle support. */
    static final String[] INFRASTRUCTURE = {"..internal..", "io.knag.kernel.persistence..", "io.knag.kernel.lifecycle.."};
    /** The hosting and protocol adapters: they parse, authorise by token and call; they decide nothing. */
    static final String[] ADAPTERS = {"io.knag.host..", "io.knag.http..", "io.knag.aws..", "io.knag.azure..",
            "io.knag.cloudevents..", "io.knag.web.."};
    /** Use cases an adapter reaches only through their functions (so every host calls them the same way). */
    static final String[] CALLED_THROUGH_FUNCTIONS = {"io.knag.identity.application..", "io.knag.vault.application..",
            "io.knag.bots.application.."};

    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses().that().resideInAPackage("io.knag..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(FRAMEWORKS, "reactor..", "io.knag..application..",
                    "io.knag..internal.."))
            .because("a module's rules are tested, and benchmarked, without a framework, a use case or an adapter")
            .allowEmptyShould(true);

    public static final ArchRule CAPABILITIES_KNOW_NO_FRAMEWORK = noClasses().that().resideInAnyPackage(CAPABILITIES)
            .and().resideOutsideOfPackages(INFRASTRUCTURE)
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("business functions run unchanged on every host; frameworks stay in internal adapters")
            .allowEmptyShould(true);

    public static final ArchRule FUNCTIONS_IMPORT_NO_PLATFORM = noClasses().that().resideInAnyPackage(CAPABILITIES)
            .or().resideInAPackage("io.knag.runtime.local..")
            .should().dependOnClassesThat().resideInAnyPackage("com.amazonaws..", "software.amazon..",
                    "com.microsoft.azure..", "com.azure..", "io.fabric8.knative..", "dev.knative..",
                    "org.springframework.cloud.function.adapter..", "org.springframework.web..",
                    "org.springframework.http..", "io.knag.host..", "io.knag.http..")
            .because("a function is portable: the hosts adapt it to a platform, never the other way round")
            .allowEmptyShould(true);

    public static final ArchRule APPLICATION_KNOWS_NO_ADAPTER = noClasses().that().resideInAPackage("io.knag..application..")
            .should().dependOnClassesThat().resideInAPackage("io.knag..internal..")
            .because("use cases reach storage and other modules through their ports")
            .allowEmptyShould(true);

    public static final ArchRule INTERNALS_STAY_IN_THEIR_MODULE = classes().that().resideInAPackage("io.knag..internal..")
            .should(beUsedOnlyInsideTheirModule())
            .because("a module's adapters and wiring are replaceable without touching another module")
            .allowEmptyShould(true);

    public static final ArchRule ADAPTERS_HOLD_NO_BUSINESS_LOGIC = noClasses().that().resideInAnyPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAnyPackage(concat(CALLED_THROUGH_FUNCTIONS, "io.knag.bots.runtime.."))
            .orShould().dependOnClassesThat(ports())
            .because("adapters call functions or use cases; the stores and runtimes behind them are the modules' own")
            .allowEmptyShould(true);

    private KnagArchitecture() {
    }

    public static List<ArchRule> all() {
        return List.of(DOMAIN_IS_PLAIN_JAVA, CAPABILITIES_KNOW_NO_FRAMEWORK, FUNCTIONS_IMPORT_NO_PLATFORM,
                APPLICATION_KNOWS_NO_ADAPTER, INTERNALS_STAY_IN_THEIR_MODULE, ADAPTERS_HOLD_NO_BUSINESS_LOGIC);
    }

    /**
     * The platform's main classes under {@code packages} (all of io.knag when none): no test classes (not even those
     * of a module's test jar, like this one's deliberately broken examples) and no Spring AOT output.
     */
    public static JavaClasses importPlatform(String... packages) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("__") && !location.contains("-tests.jar"))
                .importPackages(packages.length == 0 ? new String[] {"io.knag"} : packages);
    }

    /** A port is an interface a use case needs ({@code application}) and an adapter implements ({@code internal}). */
    private static DescribedPredicate<JavaClass> ports() {
        return DescribedPredicate.describe("are ports (interfaces of an application package)",
                type -> type.isInterface() && type.getPackageName().matches("io\\.knag\\..*\\.application(\\..*)?"));
    }

    private static ArchCondition<JavaClass> beUsedOnlyInsideTheirModule() {
        return new ArchCondition<>("be used only inside their module") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String module = moduleOf(type.getPackageName());
                for (Dependency dependency : type.getDirectDependenciesToSelf()) {
                    String from = dependency.getOriginClass().getPackageName();
                    if (!from.equals(module) && !from.startsWith(module + ".")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code io.knag.bots.reports.internal.x} belongs to {@code io.knag.bots.reports}. */
    static String moduleOf(String packageName) {
        int internal = packageName.indexOf(".internal");
        return internal < 0 ? packageName : packageName.substring(0, internal);
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }
}
