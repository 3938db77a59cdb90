package io.knag.web.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Root is never refused a write, so these failures are built as the JDK throws them, wrapped as Spring does. */
class FileAccessFailureAnalyzerTest {

    private final StandardEnvironment environment = new StandardEnvironment();
    private final FileAccessFailureAnalyzer analyzer = new FileAccessFailureAnalyzer(environment);

    FileAccessFailureAnalyzerTest() {
        environment.getPropertySources().addFirst(new MapPropertySource("application",
                Map.of("spring.application.name", "knag-host")));
    }

    @Test
    void aDeniedWriteSaysWhereAndWhatToDo() {
        var failure = new BeanCreationException("embeddedDatabase", "failed",
                new UncheckedIOException(new AccessDeniedException("/srv/knag/postgres")));

        assertThat(((CannotStart) analyzer.analyze(failure)).line()).isEqualTo("knag-host cannot start: cannot write"
                + " /srv/knag/postgres (permission denied); give this user write access to it, or set KNAG_DATA_DIR to"
                + " a directory it can write");
    }

    @Test
    void aReadOnlyFileSystemToo() {
        var failure = new IllegalStateException(new FileSystemException("/data/secrets", null, "Read-only file system"));

        assertThat(((CannotStart) analyzer.analyze(failure)).line()).contains("cannot write /data/secrets (read-only"
                + " file system)");
    }

    @Test
    void otherFileFailuresAreNotItsToExplain() {
        assertThat(analyzer.analyze(new IllegalStateException(new NoSuchFileException("/x")))).isNull();
        assertThat(analyzer.analyze(new IllegalStateException("no file at all"))).isNull();
    }
}
