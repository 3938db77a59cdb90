package io.knag.web.startup;

import java.io.PrintStream;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a failed start as one line on standard error, in place of Boot's framed, multi-line report (its
 * logging reporter is switched off in each application's logging levels). A failure no analyzer recognises
 * is not reported here: Boot logs it with its stack trace, as a defect should be.
 */
public final class OneLineFailureReporter implements FailureAnalysisReporter {

    private final PrintStream out;

    public OneLineFailureReporter() {
        this(System.err);
    }

    OneLineFailureReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void report(FailureAnalysis analysis) {
        String line = analysis instanceof CannotStart cannotStart ? cannotStart.line()
                : "cannot start: " + oneLine(analysis.getDescription()) + " " + oneLine(analysis.getAction());
        out.println("knag: " + line.strip());
        out.flush();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
