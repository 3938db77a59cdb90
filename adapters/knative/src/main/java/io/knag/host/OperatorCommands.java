package io.knag.host;

import io.knag.identity.AccountReset;
import io.knag.identity.ResetAccount;
import io.knag.kernel.KnagException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One-shot operator commands ({@code knag.command}): run the named function (or the migrations), print the
 * outcome, exit. Without the property it does nothing (read at start, not by a condition a Spring AOT build
 * would decide at build time).
 */
@Component
class OperatorCommands implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorCommands.class);

    private final ObjectProvider<FunctionCatalog> catalog;
    private final ConfigurableApplicationContext context;
    private final String command;

    OperatorCommands(ObjectProvider<FunctionCatalog> catalog, ConfigurableApplicationContext context,
                     org.springframework.core.env.Environment environment) {
        this.catalog = catalog;
        this.context = context;
        this.command = environment.getProperty("knag.command");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (command == null || command.isBlank()) {
            return;
        }
        int exit = switch (command) {
            case "rotate-signing-key" -> rotate();
            case "reset-account" -> resetAccount();
            case "migrate" -> migrate();
            default -> {
                log.error("unknown knag.command '{}'; known: rotate-signing-key, reset-account, migrate", command);
                yield 2;
            }
        };
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    /** Empties the vault of the account named by {@code knag.email} and prints a temporary password and code. */
    private int resetAccount() {
        String email = context.getEnvironment().getProperty("knag.email", "");
        Function<ResetAccount, Mono<AccountReset>> reset = catalog.getObject().lookup(Function.class, "resetAccount");
        try {
            AccountReset done = reset.apply(new ResetAccount(email)).block();
            System.out.println("account " + done.email() + " reset; its vault was emptied.");
            System.out.println("temporary password: " + done.temporaryPassword());
            System.out.println("new recovery code:  " + done.recoveryCode());
            System.out.println("Hand both to the person over a channel you trust; they should change the password at once.");
            return 0;
        } catch (KnagException e) {
            System.out.println("not reset: " + e.detail());
            return 1;
        }
    }

    /**
     * Applies the schema migrations of every capability in this artifact and exits: a cluster's migration Job,
     * so that the services themselves start without migrating ({@code knag.database.migrate=false}).
     */
    private int migrate() {
        if (!context.getEnvironment().getProperty("knag.database.migrate", Boolean.class, true)) {
            System.out.println("not migrated: knag.database.migrate is false for this run");
            return 1;
        }
        context.getBean(io.r2dbc.spi.ConnectionFactory.class);
        System.out.println("database migrated");
        return 0;
    }

    private int rotate() {
        Supplier<Mono<String>> rotate = catalog.getObject().lookup(Supplier.class, "rotateSigningKey");
        String kid = rotate.get().block();
        System.out.println("signing key rotated; active kid " + kid);
        return 0;
    }
}
