package io.knag.host;

import io.knag.kernel.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a host under test at a fresh, empty database; the host applies the migrations itself. */
public final class HostDatabase {

    private HostDatabase() {
    }

    public static TestDatabase register(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabase.create();
        registry.add("knag.database.url", database::r2dbcUrl);
        registry.add("knag.database.username", () -> "postgres");
        registry.add("knag.database.password", () -> "");
        return database;
    }
}
