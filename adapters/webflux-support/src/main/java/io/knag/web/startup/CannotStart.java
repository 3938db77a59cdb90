package io.knag.web.startup;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Why an application cannot start and what to do about it, each in a few words, reported on one line by
 * {@link OneLineFailureReporter}: {@code knag: knag-host cannot start: <problem>; <action>}.
 */
public final class CannotStart extends FailureAnalysis {

    private final String application;

    private CannotStart(String application, String problem, String action, Throwable cause) {
        super(problem, action, cause);
        this.application = application;
    }

    /** The analysis of {@code cause} for the application that {@code environment} configures. */
    public static CannotStart because(Environment environment, String problem, String action, Throwable cause) {
        return new CannotStart(environment.getProperty("spring.application.name", "knag"), problem, action, cause);
    }

    /** A port that another process holds: the answer names the setting that moves it. */
    public static CannotStart portInUse(Environment environment, int port, String host, String property, Throwable cause) {
        String where = host == null || host.isBlank() ? "port " + port : "port " + port + " on " + host;
        return because(environment, where + " is already in use",
                "stop what listens there (ss -ltnp 'sport = :" + port + "' shows it) or set "
                        + Settings.variableOf(environment, property) + " to a free port", cause);
    }

    String line() {
        String action = getAction() == null || getAction().isBlank() ? "" : "; " + getAction();
        return application + " cannot start: " + getDescription() + action;
    }
}
