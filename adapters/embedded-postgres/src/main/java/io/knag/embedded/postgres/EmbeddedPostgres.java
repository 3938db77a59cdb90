package io.knag.embedded.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 14 server run from the binaries zonky ships in a jar, listening on 127.0.0.1 only,
 * with trust authentication for the superuser {@code postgres}. Its data directory is kept between runs.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root, initdb and pg_ctl run inside a new user
 * namespace ({@code unshare -U}), where the process is unprivileged but still owns the files it creates.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    public static final String SUPERUSER = "postgres";
    private static final String OWNER_FILE = "knag-owner.pid";
    private final Thread shutdownHook = new Thread(this::close, "embedded-postgres-stop");

    private final Path binaries;
    private final Path dataDirectory;
    private final int port;
    private final String password;
    private final Durability durability;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** What an acknowledged write survives. */
    public enum Durability {
        /**
         * fsync on, as PostgreSQL ships: a committed write survives a crash of the operating system or a
         * power cut. The default: the embedded default holds real users' accounts and vault keys.
         */
        CRASH_SAFE,
        /**
         * fsync off: faster, and a crash of the operating system may lose acknowledged writes or corrupt the
         * directory. Only for databases that are thrown away afterwards (tests).
         */
        THROWAWAY
    }

    private EmbeddedPostgres(Path binaries, Path dataDirectory, int port, String password, Durability durability) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.password = password == null ? "" : password;
        this.durability = durability;
    }

    /**
     * Starts a server on {@code port} (0 picks a free one) with its data under {@code dataDirectory},
     * initialising the directory on first use. A server left running on that directory is stopped first.
     */
    public static EmbeddedPostgres start(Path dataDirectory, int port) {
        return start(dataDirectory, port, null);
    }

    /**
     * As {@link #start(Path, int)}; a data directory initialised here with a {@code password} requires it
     * (SCRAM-SHA-256) from every client, so other local users of the machine cannot connect. Without one,
     * loopback connections are trusted (tests, throw-away directories).
     */
    public static EmbeddedPostgres start(Path dataDirectory, int port, String password) {
        return start(dataDirectory, port, password, Durability.CRASH_SAFE);
    }

    /** As {@link #start(Path, int, String)}, with a choice of {@link Durability} (crash-safe by default). */
    public static EmbeddedPostgres start(Path dataDirectory, int port, String password, Durability durability) {
        Path binaries = PostgresBinaries.unpacked(cacheRoot());
        EmbeddedPostgres server = new EmbeddedPostgres(binaries, dataDirectory.toAbsolutePath(),
                port == 0 ? freePort() : port, password, durability);
        server.stopOrphan();
        server.refuseIfPortTaken();
        server.initialiseIfNeeded();
        server.startServer();
        return server;
    }

    /** The binaries, unpacked once per machine into $KNAG_PG_CACHE; prints their directory (for scripts). */
    public static void main(String[] args) {
        System.out.println(PostgresBinaries.unpacked(cacheRoot()));
    }

    /**
     * The server stops when the JVM exits, unless its owner takes that over: an application context that
     * stops its own users of the database first (and closes this server after them) calls this.
     */
    public void stopOnlyWhenClosed() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook runs as before
        }
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The superuser's password ("" when the server trusts loopback connections). */
    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
             Statement s = c.createStatement()) {
            var exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (runQuietly(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w", "-t", "20")) == 0) {
                log.info("embedded PostgreSQL on port {} stopped", port);
            }
        }
    }

    /**
     * initdb writes into a staging directory beside the data directory, which takes its place only when
     * complete: a first start that is interrupted or fails leaves no half-made data directory behind.
     */
    private void initialiseIfNeeded() {
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            return;
        }
        Path staging = null;
        Path passwordFile = null;
        try {
            Files.createDirectories(dataDirectory.getParent());
            staging = Files.createTempDirectory(dataDirectory.getParent(), ".initdb-");
            List<String> command = new ArrayList<>(List.of(bin("initdb"), "-U", SUPERUSER, "-D", staging.toString(),
                    "-E", "UTF-8", "--locale=C.UTF-8"));
            if (password.isEmpty()) {
                command.addAll(List.of("-A", "trust"));
            } else {
                passwordFile = Files.createTempFile(dataDirectory.getParent(), "initdb-", ".pw",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(passwordFile, password);
                command.addAll(List.of("-A", "scram-sha-256", "--pwfile=" + passwordFile));
            }
            run(command);
            Files.deleteIfExists(dataDirectory); // an empty directory made by someone else; a full one refuses
            Files.move(staging, dataDirectory, StandardCopyOption.ATOMIC_MOVE);
            staging = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(passwordFile);
            deleteTreeQuietly(staging);
        }
        log.info("embedded PostgreSQL initialised in {} ({})", dataDirectory,
                password.isEmpty() ? "trust on loopback" : "password required");
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("could not delete {}", file);
        }
    }

    private static void deleteTreeQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(EmbeddedPostgres::deleteQuietly);
        } catch (IOException e) {
            log.warn("could not delete {}", directory);
        }
    }

    /** A server that a process which died left running on this data directory is stopped. */
    private void stopOrphan() {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            refuseIfInUse();
            runQuietly(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w", "-t", "20"));
        }
    }

    private void startServer() {
        String options = "-p " + port + (durability == Durability.THROWAWAY ? " -F" : "")
                + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                + " -c max_connections=200 -c shared_buffers=64MB";
        run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "-o", options, "-w", "-t", "60",
                "-l", dataDirectory.resolve("server.log").toString(), "start"));
        writeOwner();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        log.info("embedded PostgreSQL listening on 127.0.0.1:{}", port);
    }

    /**
     * A server left running by a process that died is stopped and restarted; one whose owning process is
     * alive is not touched: two hosts on one data directory would corrupt it.
     */
    private void refuseIfInUse() {
        Path owner = dataDirectory.resolve(OWNER_FILE);
        try {
            long pid = Long.parseLong(Files.readString(owner).strip());
            if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new EmbeddedPostgresException(EmbeddedPostgresException.Reason.DATA_DIRECTORY_IN_USE, port,
                        dataDirectory, "the embedded PostgreSQL in " + dataDirectory + " is in use by process " + pid);
            }
        } catch (IOException | NumberFormatException e) {
            // no owner recorded: an orphan
        }
    }

    /** pg_ctl would only say "could not start server": a port another process holds is named first. */
    private void refuseIfPortTaken() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException taken) {
            throw new EmbeddedPostgresException(EmbeddedPostgresException.Reason.PORT_IN_USE, port, dataDirectory,
                    "port " + port + " on 127.0.0.1 is already in use");
        }
    }

    private void writeOwner() {
        try {
            Files.writeString(dataDirectory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command) {
        int exit = runQuietly(command);
        if (exit != 0) {
            throw new EmbeddedPostgresException(EmbeddedPostgresException.Reason.FAILED, port, dataDirectory,
                    Path.of(command.get(0)).getFileName() + " exited with " + exit
                            + " (see the log above, or server.log in " + dataDirectory + ")");
        }
    }

    private static int runQuietly(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("unshare", "-U"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            int exit = process.waitFor();
            if (exit != 0) {
                log.warn("{} exited with {}: {}", Path.of(command.get(0)).getFileName(), exit, output.strip());
            }
            return exit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path cacheRoot() {
        String configured = System.getenv("KNAG_PG_CACHE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "knag-embedded-pg");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
