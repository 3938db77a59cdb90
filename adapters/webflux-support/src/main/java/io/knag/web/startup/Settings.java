package io.knag.web.startup;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/** How a person sets a property: the environment variable that a failure message should name. */
public final class Settings {

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z0-9_]+)(:[^}]*)?}$");
    private static final Pattern SENSITIVE = Pattern.compile("password|secret|key|token|credential",
            Pattern.CASE_INSENSITIVE);

    private Settings() {
    }

    /**
     * The environment variable behind {@code property}: the one it was read from, else the one its
     * application.yml placeholder names ({@code ${PORT:8080}}), else the property in the documented
     * variable form ({@code knag.bots.max-bots} is {@code KNAG_BOTS_MAX_BOTS}).
     */
    public static String variableOf(Environment environment, String property) {
        for (Origin origin = originOf(environment, property); origin != null; origin = origin.getParent()) {
            if (origin instanceof SystemEnvironmentOrigin variable) {
                return variable.getProperty();
            }
        }
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (source.getProperty(property) instanceof String raw) {
                    Matcher placeholder = PLACEHOLDER.matcher(raw.strip());
                    if (placeholder.matches()) {
                        return placeholder.group(1);
                    }
                    break;
                }
            }
        }
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value as a message may show it: a password, secret, key or token is never repeated. */
    public static String shown(String name, Object value) {
        return SENSITIVE.matcher(name).find() ? "(hidden)" : "'" + value + "'";
    }

    private static Origin originOf(Environment environment, String property) {
        if (!(environment instanceof ConfigurableEnvironment) || !ConfigurationPropertyName.isValid(property)) {
            return null;
        }
        ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty found = source.getConfigurationProperty(name);
            if (found != null) {
                return found.getOrigin();
            }
        }
        return null;
    }
}
