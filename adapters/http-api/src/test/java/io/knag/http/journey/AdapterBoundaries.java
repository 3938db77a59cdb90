package io.knag.http.journey;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * DESIGN.md §1 for every hosting adapter: it calls functions (by name, or through the shared routes and the
 * event consumers) and never the use cases, stores or domain services behind them.
 */
public final class AdapterBoundaries {

    /** The classes that hold business logic: an adapter may not touch them. */
    static final String[] BUSINESS = {"io.knag.identity.Accounts", "io.knag.identity.Sessions",
            "io.knag.identity.AccountStore", "io.knag.identity.SessionStore", "io.knag.identity.SigningKeyStore",
            "io.knag.identity.PasswordHasher", "io.knag.identity.PasswordPolicy", "io.knag.vault.Credentials",
            "io.knag.vault.VaultKeys", "io.knag.vault.CredentialStore", "io.knag.vault.VaultKeyStore",
            "io.knag.bots.Bots", "io.knag.bots.Launches", "io.knag.bots.BotManager", "io.knag.bots.Convergence",
            "io.knag.bots.BotStore"};

    private AdapterBoundaries() {
    }

    public static void check(String... adapterPackages) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("__"))
                .importPackages("io.knag");
        for (String business : BUSINESS) {
            noClasses().that().resideInAnyPackage(adapterPackages)
                    .should().dependOnClassesThat().haveFullyQualifiedName(business)
                    .check(classes);
        }
        noClasses().that().resideInAnyPackage(adapterPackages)
                .should().dependOnClassesThat().resideInAnyPackage("io.knag.bots.runtime..", "io.knag.identity.internal..",
                        "io.knag.vault.internal..", "io.knag.bots.internal..")
                .check(classes);
    }
}
