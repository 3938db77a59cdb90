package io.knag.web.startup;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * A setting whose value cannot be used: {@code KNAG_BOTS_MAX_BOTS='abc' is not a whole number}, naming the
 * variable to change. Ahead of Boot's analyzers of the same failures, whose reports run over several lines.
 */
final class SettingFailureAnalyzer implements FailureAnalyzer, Ordered {

    private final Environment environment;

    SettingFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        InvalidConfigurationPropertyValueException invalid = Failures.find(failure,
                InvalidConfigurationPropertyValueException.class);
        if (invalid != null) {
            String variable = Settings.variableOf(environment, invalid.getName());
            return CannotStart.because(environment, variable + "=" + Settings.shown(variable, invalid.getValue()) + ": "
                    + invalid.getReason(), "set " + variable + " to a value it accepts, or unset it for the default", failure);
        }
        BindException unbound = Failures.find(failure, BindException.class);
        return unbound == null ? null : analyze(unbound);
    }

    private FailureAnalysis analyze(BindException failure) {
        ConfigurationProperty property = failure.getProperty();
        Throwable cause = Failures.root(failure);
        if (property == null) {
            // A settings record refused its values; its message names the setting and what it needs.
            return CannotStart.because(environment, cause.getMessage(), "", failure);
        }
        String name = property.getName().toString();
        String variable = Settings.variableOf(environment, name);
        ConversionFailedException wrong = Failures.find(failure, ConversionFailedException.class);
        String expected = wrong != null ? expected(wrong.getTargetType().getType()) : null;
        String problem = variable + "=" + Settings.shown(variable, property.getValue())
                + (expected != null ? " is not " + expected : ": " + cause.getMessage());
        return CannotStart.because(environment, problem,
                "set " + variable + " to " + (expected != null ? expected : "a value it accepts")
                        + ", or unset it for the default", failure);
    }

    static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration such as 30s, 5m or 7d";
        }
        if (type == DataSize.class) {
            return "a size such as 64KB or 10MB";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(constant -> constant.toString()
                    .toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        return "a " + type.getSimpleName();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
