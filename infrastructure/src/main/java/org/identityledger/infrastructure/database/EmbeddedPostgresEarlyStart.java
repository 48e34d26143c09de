package org.identityledger.infrastructure.database;

import org.identityledger.infrastructure.config.IdentityProperties;
import org.identityledger.infrastructure.config.IdentitySettingsCheck;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * Begins the embedded PostgreSQL's start before the Spring context is refreshed (registered in
 * META-INF/spring.factories, so every way of starting the service has it): the start is CPU-bound
 * and PostgreSQL's part of it is other processes and waiting, so beginning it a second and a half
 * earlier takes most of it off the time to ready (BENCHMARKS.md, "ready after start").
 *
 * <p>Settings the start would refuse do not start a database: with a setting name
 * {@link IdentitySettingsCheck} refuses, or values that do not bind, nothing is begun here and the
 * usual checks refuse the start as before. A value that binds but fails validation is refused as
 * before too; the database begun for it is stopped with the failed context.
 */
public class EmbeddedPostgresEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!NoDatasourceUrlCondition.applies(context.getEnvironment())
                || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory)
                || beanFactory.containsSingleton(EmbeddedPostgresStart.BEAN_NAME)) {
            return;
        }
        EmbeddedPostgresStart start = new EmbeddedPostgresStart();
        beanFactory.registerSingleton(EmbeddedPostgresStart.BEAN_NAME, start);
        beanFactory.registerDisposableBean(EmbeddedPostgresStart.BEAN_NAME, start);
        // A failure before the refresh leaves the context inactive, and closing an inactive context
        // destroys nothing: stop the database on the failure itself (destroying twice is harmless).
        context.addApplicationListener(event -> {
            if (event instanceof ApplicationFailedEvent) {
                try {
                    start.destroy();
                } catch (Exception ignored) {
                    // The start is failing already; its own failure is the one to report.
                }
            }
        });
        if (!IdentitySettingsCheck.problemsIn(context.getEnvironment()).isEmpty()) {
            return;
        }
        IdentityProperties settings;
        try {
            settings = Binder.get(context.getEnvironment()).bindOrCreate("identity", IdentityProperties.class);
        } catch (RuntimeException unusable) {
            return;
        }
        start.beginInBackground(settings);
    }
}
