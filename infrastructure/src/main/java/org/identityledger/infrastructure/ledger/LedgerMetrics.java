package org.identityledger.infrastructure.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.identityledger.command.port.Projections;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger's gauges: how far the hash chain trails the event table ({@code ledger_chain_lag_events}),
 * and per projection how far it trails ({@code ledger_projection_lag_events}, {@code _seconds}) and
 * how far a running rebuild of it has still to go. Every projection is a subscribing processor
 * today, updated in the events' own transaction, so its lag is 0 by construction.
 * The chain's lag is read when scraped: two index lookups.
 */
@Component
class LedgerMetrics {

    private final MeterRegistry registry;
    private final Projections projections;

    LedgerMetrics(MeterRegistry registry, JdbcTemplate jdbc, Projections projections) {
        this.registry = registry;
        this.projections = projections;
        Gauge.builder("ledger.chain.lag.events", () -> jdbc.queryForObject(
                        "SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry)"
                                + " - (SELECT coalesce(max(position), 0) FROM ledger_chain)", Long.class))
                .description("Events committed but not sealed into the hash chain yet")
                .register(registry);
    }

    /**
     * Per projection of the registry: its lag (events and seconds; 0 by construction while every
     * projection is subscribing) and what a running rebuild still has to read, which moves.
     */
    @EventListener(ApplicationReadyEvent.class)
    void registerProjections() {
        for (Projections.ProjectionState projection : projections.list()) {
            String name = projection.name();
            Gauge.builder("ledger.projection.lag.events", () -> projections.find(name).map(Projections.ProjectionState::lagEvents).orElse(0L))
                    .tag("projection", name)
                    .description("Events a projection has not applied yet (subscribing projections apply them in the events' transaction)")
                    .register(registry);
            Gauge.builder("ledger.projection.lag.seconds", () -> projections.find(name).map(Projections.ProjectionState::lagSeconds).orElse(0.0))
                    .tag("projection", name)
                    .description("How old the oldest event a projection has not applied is")
                    .register(registry);
            Gauge.builder("ledger.projection.rebuild.remaining.events", () -> projections.find(name)
                            .flatMap(Projections.ProjectionState::rebuild)
                            .filter(rebuild -> rebuild.state().equals("running") || rebuild.state().equals("verifying"))
                            .map(rebuild -> rebuild.total() - rebuild.processed()).orElse(0L))
                    .tag("projection", name)
                    .description("Events a running rebuild of the projection has still to read (0 when none runs)")
                    .register(registry);
        }
    }
}
