package org.identityledger.web.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

/** An integration test driving one headless Chromium for the whole class (started once: it takes seconds). */
public abstract class ChromiumTest extends IntegrationTest {

    protected static WebDriver chromium;

    @BeforeAll
    static void startChromium() throws Exception {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.quit();
            chromium = null;
        }
    }
}
