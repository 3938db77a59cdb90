package io.knag.runtime.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Which command runs an image locally: the image's repository (the reference without tag or digest) looked
 * up in the configured programs. {@link LocalRuntimeSettings#HEARTBEAT} runs the built-in demonstration bot
 * with this JVM's {@code java} in source-file mode, {@link LocalRuntimeSettings#REFERENCE} the reference strategy
 * bot's jar.
 */
final class Programs {

    private final Map<String, List<String>> programs;
    private final Path directory;

    Programs(Map<String, List<String>> programs, Path directory) {
        this.programs = programs;
        this.directory = directory;
    }

    List<String> command(String image) throws IOException {
        List<String> command = programs.get(repository(image));
        if (command == null) {
            throw new IOException("no local program is configured for " + repository(image));
        }
        if (command.size() == 1 && command.get(0).equals(LocalRuntimeSettings.HEARTBEAT)) {
            return List.of(java(), "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    extracted("HeartbeatBot.java").toString());
        }
        if (command.size() == 1 && command.get(0).equals(LocalRuntimeSettings.REFERENCE)) {
            return List.of(java(), "-Xmx96m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                    extracted("reference-bot.jar").toString());
        }
        return command;
    }

    static String repository(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    /** A built-in bot's program, copied out of this build next to the bots' directories. */
    private Path extracted(String resource) throws IOException {
        Files.createDirectories(directory);
        Path program = directory.resolve(resource);
        try (InputStream in = Programs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from this build");
            }
            Path partial = directory.resolve(resource + ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, program, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return program;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
