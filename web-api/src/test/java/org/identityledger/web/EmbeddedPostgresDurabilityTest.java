package org.identityledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The embedded default keeps what it acknowledged: zonky starts PostgreSQL with -F (fsync off),
 * under which a committed login, refresh or revocation could vanish with the machine's page cache.
 */
class EmbeddedPostgresDurabilityTest extends IntegrationTest {

    @Test
    void everyCommitReachesTheDiskBeforeItIsAcknowledged() {
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
    }
}
