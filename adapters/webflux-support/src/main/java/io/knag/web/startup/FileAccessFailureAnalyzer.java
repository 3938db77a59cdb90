package io.knag.web.startup;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** A file or directory the application must write and cannot: the data directory, most often. */
final class FileAccessFailureAnalyzer implements FailureAnalyzer, Ordered {

    private final Environment environment;

    FileAccessFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        FileSystemException denied = Failures.find(failure, FileSystemException.class);
        if (denied == null || !(denied instanceof AccessDeniedException
                || String.valueOf(denied.getReason()).contains("Read-only file system"))) {
            return null;
        }
        String reason = denied instanceof AccessDeniedException ? "permission denied" : "read-only file system";
        return CannotStart.because(environment, "cannot write " + denied.getFile() + " (" + reason + ")",
                "give this user write access to it, or set KNAG_DATA_DIR to a directory it can write", failure);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
