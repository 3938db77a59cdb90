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
 * with this JVM's {@code java} in source-file mode.
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
            return List.of(java(), "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", heartbeatSource().toString());
        }
        return command;
    }

    static String repository(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    private Path heartbeatSource() throws IOException {
        Files.createDirectories(directory);
        Path source = directory.resolve("HeartbeatBot.java");
        try (InputStream in = Programs.class.getResourceAsStream("HeartbeatBot.java")) {
            if (in == null) {
                throw new IOException("the heartbeat bot's source is missing from this build");
            }
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
        }
        return source;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
