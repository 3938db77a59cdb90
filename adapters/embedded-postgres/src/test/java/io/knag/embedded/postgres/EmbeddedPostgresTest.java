package io.knag.embedded.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path data;

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        try (EmbeddedPostgres first = EmbeddedPostgres.start(data, 0)) {
            first.createDatabase("kept");
            try (var c = DriverManager.getConnection(first.jdbcUrl("kept"), EmbeddedPostgres.SUPERUSER, "")) {
                c.createStatement().execute("CREATE TABLE t (v text); INSERT INTO t VALUES ('still here')");
            }
        }
        try (EmbeddedPostgres second = EmbeddedPostgres.start(data, 0);
             var c = DriverManager.getConnection(second.jdbcUrl("kept"), EmbeddedPostgres.SUPERUSER, "")) {
            var rows = c.createStatement().executeQuery("SELECT v FROM t");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
            assertThat(c.createStatement().executeQuery("SHOW listen_addresses").next()).isTrue();
        }
    }

    @Test
    void isCrashSafeUnlessAskedForAThrowAwayDatabase() throws Exception {
        try (EmbeddedPostgres safe = EmbeddedPostgres.start(data.resolve("safe"), 0);
             var c = DriverManager.getConnection(safe.jdbcUrl("postgres"), EmbeddedPostgres.SUPERUSER, "")) {
            assertThat(setting(c, "fsync")).isEqualTo("on");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(c, "full_page_writes")).isEqualTo("on");
        }
        try (EmbeddedPostgres throwaway = EmbeddedPostgres.start(data.resolve("throwaway"), 0, null,
                EmbeddedPostgres.Durability.THROWAWAY);
             var c = DriverManager.getConnection(throwaway.jdbcUrl("postgres"), EmbeddedPostgres.SUPERUSER, "")) {
            assertThat(setting(c, "fsync")).isEqualTo("off");
        }
    }

    private static String setting(java.sql.Connection c, String name) throws Exception {
        var rows = c.createStatement().executeQuery("SHOW " + name);
        rows.next();
        return rows.getString(1);
    }

    @Test
    void aTakenPortIsRefusedBeforeAnythingIsWrittenToTheDataDirectory() throws Exception {
        Path fresh = data.resolve("fresh");
        try (var holder = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedPostgres.start(fresh, holder.getLocalPort()))
                    .isInstanceOfSatisfying(EmbeddedPostgresException.class, refused -> {
                        assertThat(refused.reason()).isEqualTo(EmbeddedPostgresException.Reason.PORT_IN_USE);
                        assertThat(refused.port()).isEqualTo(holder.getLocalPort());
                    });
        }
        assertThat(fresh).doesNotExist();
        try (var listing = java.nio.file.Files.list(data)) {
            assertThat(listing).as("no staging directory left beside it").isEmpty();
        }
    }

    @Test
    void refusesADataDirectoryInUseByAnotherLiveProcessButTakesOverAnOrphan() throws Exception {
        try (EmbeddedPostgres running = EmbeddedPostgres.start(data, 0)) {
            Process other = new ProcessBuilder("sleep", "30").start();
            try {
                java.nio.file.Files.writeString(data.resolve("knag-owner.pid"), Long.toString(other.pid()));
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedPostgres.start(data, 0))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by process " + other.pid());
            } finally {
                other.destroy();
                other.waitFor();
            }
            try (EmbeddedPostgres takeover = EmbeddedPostgres.start(data, 0);
                 var c = DriverManager.getConnection(takeover.jdbcUrl("postgres"), EmbeddedPostgres.SUPERUSER, "")) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void aDirectoryInitialisedWithAPasswordRefusesConnectionsWithoutIt() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(data.resolve("pg"), 0, "s3cret-for-test")) {
            server.createDatabase("guarded");
            try (var c = DriverManager.getConnection(server.jdbcUrl("guarded"), EmbeddedPostgres.SUPERUSER, "s3cret-for-test")) {
                assertThat(c.isValid(2)).isTrue();
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                    DriverManager.getConnection(server.jdbcUrl("guarded"), EmbeddedPostgres.SUPERUSER, ""))
                    .isInstanceOf(java.sql.SQLException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                    DriverManager.getConnection(server.jdbcUrl("guarded"), EmbeddedPostgres.SUPERUSER, "wrong"))
                    .isInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(data, 0);
             var c = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedPostgres.SUPERUSER, "")) {
            var rows = c.createStatement().executeQuery("SHOW listen_addresses");
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("127.0.0.1");
        }
    }
}
