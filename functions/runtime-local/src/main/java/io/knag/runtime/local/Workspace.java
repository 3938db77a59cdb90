package io.knag.runtime.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The bots' files: {@code <directory>/<bot id>/} (owner-only, 0700) holds the credentials file (0400 while
 * the bot runs, overwritten with zeros and deleted when it stops) and the pid of its process.
 */
final class Workspace {

    static final String CREDENTIALS = "credentials.json";
    private static final String PID = "pid";

    private final Path directory;

    Workspace(Path directory) throws IOException {
        this.directory = directory.toAbsolutePath().normalize();
        Files.createDirectories(this.directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    Path directory() {
        return directory;
    }

    Path botDirectory(UUID botId) throws IOException {
        Path dir = directory.resolve(botId.toString());
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return dir;
    }

    /** Writes the credentials only its owner may read; the file never exists with wider permissions. */
    Path writeCredentials(UUID botId, byte[] content) throws IOException {
        Path file = botDirectory(botId).resolve(CREDENTIALS);
        erase(file);
        try (SeekableByteChannel channel = Files.newByteChannel(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            channel.write(ByteBuffer.wrap(content));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        return file;
    }

    void writePid(UUID botId, long pid) throws IOException {
        Files.writeString(botDirectory(botId).resolve(PID), Long.toString(pid));
    }

    /** Removes what a stopped bot leaves: its credentials (zeroed first) and its pid file. */
    void clear(UUID botId) throws IOException {
        Path dir = directory.resolve(botId.toString());
        erase(dir.resolve(CREDENTIALS));
        Files.deleteIfExists(dir.resolve(PID));
    }

    /** Removes the bot's directory and whatever the bot left in it (it is the bot's HOME). */
    void remove(UUID botId) throws IOException {
        clear(botId);
        Path dir = directory.resolve(botId.toString());
        if (Files.isDirectory(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** The bot directories with a pid file: what a platform that died left behind. */
    Stream<UUID> leftovers() throws IOException {
        try (Stream<Path> dirs = Files.list(directory)) {
            return dirs.filter(dir -> Files.exists(dir.resolve(PID)) || Files.exists(dir.resolve(CREDENTIALS)))
                    .map(dir -> dir.getFileName().toString())
                    .filter(name -> name.matches("[0-9a-f-]{36}"))
                    .map(UUID::fromString).toList().stream();
        }
    }

    Optional<Long> pid(UUID botId) {
        try {
            return Optional.of(Long.parseLong(Files.readString(directory.resolve(botId.toString()).resolve(PID)).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void erase(Path file) throws IOException {
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            long size = Files.size(file);
            try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.allocate((int) Math.min(size, 1 << 20)));
            }
            Files.delete(file);
        }
    }
}
