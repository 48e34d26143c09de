package org.identityledger.infrastructure.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger's gauges: how far the hash chain trails the event table ({@code ledger_chain_lag_events}),
 * and per projection how far it trails ({@code ledger_projection_lag_events}). Every projection is
 * a subscribing processor today, updated in the events' own transaction, so its lag is 0 by
 * construction; the gauge is there for the rebuilds that will read the stream behind the head.
 * The chain's lag is read when scraped: two index lookups.
 */
@Component
class LedgerMetrics {

    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;

    LedgerMetrics(MeterRegistry registry, JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.registry = registry;
        this.processing = processing;
        Gauge.builder("ledger.chain.lag.events", () -> jdbc.queryForObject(
                        "SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry)"
                                + " - (SELECT coalesce(max(position), 0) FROM ledger_chain)", Long.class))
                .description("Events committed but not sealed into the hash chain yet")
                .register(registry);
    }

    /** The processors exist once Axon's configuration has started, so their gauges are added when the service is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void registerProjections() {
        processing.eventProcessors().keySet().forEach(projection -> Gauge.builder("ledger.projection.lag.events", () -> 0)
                .tag("projection", projection)
                .description("Events a projection has not applied yet (subscribing projections apply them in the events' transaction)")
                .register(registry));
    }
}
