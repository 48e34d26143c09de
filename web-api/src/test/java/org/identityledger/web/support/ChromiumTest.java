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

    protected static void awaitTitle(String title) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> title.equals(chromium.getTitle()));
    }

    /** Types into the field of that name, replacing what it held. */
    protected static void type(String field, String value) {
        org.openqa.selenium.WebElement input = chromium.findElement(org.openqa.selenium.By.name(field));
        input.clear();
        input.sendKeys(value);
    }

    /** Presses the button with that label. */
    protected static void press(String label) {
        chromium.findElement(org.openqa.selenium.By.xpath("//button[normalize-space()='" + label + "']")).click();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.quit();
            chromium = null;
        }
    }
}
