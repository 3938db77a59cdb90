package io.knag.web.startup;

import java.util.Objects;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import reactor.netty.ChannelBindException;

/**
 * A port that another process holds: the web server's ({@code server.port}), or another server's that says
 * which setting names its port ({@link PortInUse}).
 */
final class PortFailureAnalyzer implements FailureAnalyzer, Ordered {

    private final Environment environment;

    PortFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        PortInUse named = Failures.find(failure, PortInUse.class);
        if (named != null) {
            return CannotStart.portInUse(environment, named.port(), named.host(), named.property(), failure);
        }
        PortInUseException web = Failures.find(failure, PortInUseException.class);
        if (web != null) {
            return CannotStart.portInUse(environment, web.getPort(), environment.getProperty("server.address"),
                    "server.port", failure);
        }
        ChannelBindException bind = Failures.find(failure, ChannelBindException.class);
        if (bind != null && Objects.equals(environment.getProperty("server.port", Integer.class), bind.localPort())) {
            return CannotStart.portInUse(environment, bind.localPort(), bind.localHost(), "server.port", failure);
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
