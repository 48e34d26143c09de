package org.identityledger.infrastructure.config;

import org.identityledger.infrastructure.abuse.AbuseSettings;
import org.identityledger.command.port.LimitName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses to start with an {@code identity.*} setting the service does not read (a misspelt key is
 * otherwise silently ignored and its default applies) or an abuse limit whose name is not a limit,
 * from any source: files, arguments or environment variables (IDENTITY_SESSION_BROWSERIDLETIMEOUT
 * and identity.session.browser-idle-timeout are the same setting). Values are checked by Bean
 * Validation on the settings classes themselves.
 */
@Component
public class IdentitySettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("identity");
    private static final ConfigurationPropertyName LIMITS = ConfigurationPropertyName.of("identity.abuse.limits");
    /** Read with @Value or a condition rather than a settings class. */
    private static final List<String> PLAIN_NAMES = List.of("identity.view-cache.max-entries", "identity.view-cache.max-age");

    private ConfigurableEnvironment environment;

    /** Every identity.* setting the service reads, for documentation checks. */
    public static List<String> knownSettingNames() {
        return names().all();
    }

    private static IdentitySettingNames names() {
        Map<String, Class<?>> classes = new LinkedHashMap<>();
        classes.put("identity", IdentityProperties.class);
        classes.put("identity.abuse", AbuseSettings.class);
        return new IdentitySettingNames(classes, PLAIN_NAMES);
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    /** Runs before any bean is made, so a misspelt setting stops the start before the database does. */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = problemsIn(environment);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /** What this check refuses in these settings; empty when it would let the start go on. */
    public static List<String> problemsIn(ConfigurableEnvironment environment) {
        IdentitySettingNames known = names();
        Set<String> problems = new LinkedHashSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().filter(ROOT::isAncestorOf).forEach(name -> check(name, known, problems));
            }
        }
        return new ArrayList<>(problems);
    }

    private static void check(ConfigurationPropertyName name, IdentitySettingNames known, Set<String> problems) {
        if (LIMITS.isAncestorOf(name)) {
            String limit = name.getElement(LIMITS.getNumberOfElements(), ConfigurationPropertyName.Form.ORIGINAL);
            if (LimitName.fromConfigName(limit).isEmpty()) {
                problems.add(name + ": '" + limit + "' is not an abuse limit; the limits are " + LimitName.configNames());
            }
            return;
        }
        if (!known.isKnown(name)) {
            String hint = known.closestTo(name);
            problems.add(name + ": unknown setting" + (hint == null ? "" : "; did you mean " + hint + "?"));
        }
    }
}
