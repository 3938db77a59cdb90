package io.knag.host.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.testing.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --knag.command=migrate} with the bots group's jar, as the cluster's migration Job runs it. */
class MigrateCommandIT {

    @TempDir
    Path work;

    @Test
    void theMigrateCommandAppliesEverySchemaOnceAndExits() throws Exception {
        TestDatabase database = TestDatabase.create();
        // Once from the bean definitions fixed at build time (Spring AOT: a condition on knag.command would have been
        // decided there), once as usual.
        assertThat(run(database, "-Dspring.aot.enabled=true")).as(Files.readString(work.resolve("migrate.log"))).isZero();
        assertThat(Files.readString(work.resolve("migrate.log"))).contains("Starting AOT-processed KnagHost")
                .contains("database migrated");
        assertThat(database.query("SELECT count(*) FROM information_schema.tables WHERE table_schema IN"
                + " ('identity', 'vault', 'bots') AND table_name IN ('accounts', 'credentials', 'bots')").get(0).get(0))
                .isEqualTo("3");
        assertThat(run(database, "-Dspring.aot.enabled=false")).as("a second run finds nothing to do").isZero();
    }

    private int run(TestDatabase database, String aot) throws Exception {
        File jar = new File("target/knag-host-bots.jar");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), aot, "-jar",
                jar.getAbsolutePath(), "--knag.command=migrate").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("migrate.log").toFile()));
        builder.environment().put("KNAG_DATABASE_URL", database.r2dbcUrl());
        builder.environment().put("KNAG_DATABASE_USERNAME", "postgres");
        builder.environment().put("KNAG_DATABASE_PASSWORD", "");
        builder.environment().put("KNAG_DATABASE_MIGRATE", "true");
        builder.environment().put("KNAG_BOTS_RUNTIME", "kubernetes");
        builder.environment().put("KUBERNETES_MASTER", "http://127.0.0.1:9");
        builder.environment().put("KNAG_IDENTITY_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        builder.environment().put("KNAG_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("PORT", "0");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the migrate command did not exit within 120 s");
        }
        return process.exitValue();
    }
}
