package org.identityledger.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The build's prepare step leaves the class-data archive the launcher starts with. Writing it can
 * fail without failing the start (the JVM crashed dumping it once, and every start after was
 * seconds slower and tens of MiB larger with nobody told): this is where that is noticed.
 */
class ClassDataArchiveIT {

    @Test
    void thePackagedServiceHasItsClassDataArchive() throws Exception {
        assumeFalse(Boolean.getBoolean("ledger.prepareStartSkipped"), "built with -DskipPrepareStart");
        Path jar = Path.of(System.getProperty("ledger.jar"));
        Path archive = jar.resolveSibling("identity-ledger-app").resolve("application.jsa");

        assertThat(archive).as("written by web-api/identity-ledger --prepare-start").isRegularFile();
        assertThat(Files.size(archive)).isGreaterThan(1_000_000L);
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThanOrEqualTo(Files.getLastModifiedTime(jar));
    }
}
