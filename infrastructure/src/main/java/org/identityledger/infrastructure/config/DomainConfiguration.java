package org.identityledger.infrastructure.config;

import org.identityledger.command.account.VerificationSettings;
import org.identityledger.command.session.SessionSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** Time and the domain's settings, injected so that the domain never reads a clock or a file. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
@EnableScheduling
public class DomainConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public VerificationSettings verificationSettings(IdentityProperties properties) {
        return new VerificationSettings(properties.getVerification().getTokenLifetime());
    }

    @Bean
    public SessionSettings sessionSettings(IdentityProperties properties) {
        return new SessionSettings(properties.getSession().getBrowserAbsoluteLifetime(),
                properties.getSession().getBrowserIdleTimeout());
    }
}
