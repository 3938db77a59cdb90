package io.knag.embedded.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** Unpacks the PostgreSQL binaries that zonky ships inside a jar, once per machine. */
final class PostgresBinaries {

    static final String VERSION = "14.22.0";

    private PostgresBinaries() {
    }

    /** The directory holding bin/, lib/ and share/, unpacked on first use. */
    static Path unpacked(Path cacheRoot) {
        Path target = cacheRoot.resolve("postgres-" + VERSION);
        if (Files.isExecutable(target.resolve("bin/pg_ctl"))) {
            return target;
        }
        try {
            Files.createDirectories(cacheRoot);
            try (FileChannel channel = FileChannel.open(cacheRoot.resolve(".unpack.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.isExecutable(target.resolve("bin/pg_ctl"))) {
                    unpackInto(target);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the embedded PostgreSQL into " + cacheRoot, e);
        }
    }

    private static void unpackInto(Path target) throws IOException {
        Path staging = Files.createTempDirectory(target.getParent(), "unpack-");
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("archive entry escapes the target: " + entry.getName());
                }
                extract(tar, entry, out);
            }
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path out) throws IOException {
        if (entry.isDirectory()) {
            Files.createDirectories(out);
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(out.getParent());
            Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
        } else {
            Files.createDirectories(out.getParent());
            Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
            if ((entry.getMode() & 0100) != 0) {
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }
}
