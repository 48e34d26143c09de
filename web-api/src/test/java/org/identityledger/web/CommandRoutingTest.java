package org.identityledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.identityledger.infrastructure.config.RecordCommandTargetResolver;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The aggregates' commands are routed by the resolver that looks each command class up once. */
class CommandRoutingTest extends IntegrationTest {

    @Autowired
    private Configuration axon;

    @Test
    void everyAggregateRoutesItsCommandsWithTheRecordResolver() {
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(RecordCommandTargetResolver.class);
    }
}
