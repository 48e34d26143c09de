package org.identityledger.infrastructure.config;

import org.identityledger.command.account.TokenLifetimes;
import org.identityledger.command.business.InvitationLifetime;
import org.identityledger.command.staff.StaffBootstrap;
import org.identityledger.command.session.RecentRefreshTokens;
import org.identityledger.command.session.SessionSettings;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.CommandTargetResolver;
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
    public TokenLifetimes tokenLifetimes(IdentityProperties properties) {
        return new TokenLifetimes(properties.getVerification().getTokenLifetime(),
                properties.getPasswordReset().getTokenLifetime());
    }

    @Bean
    public InvitationLifetime invitationLifetime(IdentityProperties properties) {
        return new InvitationLifetime(properties.getBusiness().getInvitationLifetime());
    }

    @Bean
    public SessionSettings sessionSettings(IdentityProperties properties) {
        IdentityProperties.Session session = properties.getSession();
        return new SessionSettings(session.getBrowserAbsoluteLifetime(), session.getBrowserIdleTimeout(),
                session.getNativeAbsoluteLifetime(), session.getNativeIdleTimeout(), session.getMaxLivePerAccount(),
                properties.getStaff().getSessionAbsoluteLifetime(), properties.getStaff().getSessionIdleTimeout());
    }

    @Bean
    public StaffBootstrap staffBootstrap(IdentityProperties properties) {
        return StaffBootstrap.of(properties.getStaff().getBootstrapAdminEmail());
    }

    /**
     * Live sessions stay in memory between refreshes: up to 20,000 (a few hundred bytes each), each
     * for up to an hour without use. A stale entry cannot cause harm across instances: the append
     * would conflict on (aggregate, sequence), the unit of work rolls back and evicts it, and the
     * retry loads the stream afresh.
     */
    @Bean
    public Cache sessionCache() {
        return new BoundedAggregateCache(20_000, java.time.Duration.ofHours(1));
    }

    /** Up to 20,000 owners of refresh tokens rotated here (a few hundred bytes each), each for under purge-after. */
    @Bean
    public RecentRefreshTokens recentRefreshTokens(IdentityProperties properties, Clock clock) {
        return new RecentRefreshTokens(20_000, RecentRefreshTokens.lifetimeWithin(properties.getSession().getPurgeAfter()), clock);
    }

    /** Every aggregate's commands are routed by {@link RecordCommandTargetResolver} (Axon takes this bean for all). */
    @Bean
    public CommandTargetResolver commandTargetResolver() {
        return new RecordCommandTargetResolver();
    }

    /** Native sessions rotate every few minutes for weeks; a snapshot every 50 events keeps loading cheap. */
    @Bean
    public SnapshotTriggerDefinition sessionSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 50);
    }
}
