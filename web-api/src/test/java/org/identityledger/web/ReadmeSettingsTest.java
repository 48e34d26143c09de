package org.identityledger.web;

import org.identityledger.infrastructure.config.IdentitySettingsCheck;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every identity.* setting the service reads is in the README's configuration reference, by its full name. */
class ReadmeSettingsTest {

    @Test
    void everySettingIsDocumentedInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(IdentitySettingsCheck.knownSettingNames()).isNotEmpty()
                .allSatisfy(name -> assertThat(readme).as("README documents %s", name).contains("`" + name));
    }
}
