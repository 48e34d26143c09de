package org.identityledger.web.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A whole service on a ledger of its own, for the rules about global state ("while no admin exists",
 * "the last active admin"): {@code @RegisterExtension static FreshLedger ledger = new FreshLedger(args)}
 * starts it, with its own SMTP catcher, before the class's tests and stops it after them.
 */
public final class FreshLedger implements BeforeAllCallback, AfterAllCallback {

    private final String[] arguments;
    private final GreenMail smtp = new GreenMail(ServerSetup.SMTP.dynamicPort());
    private ConfigurableApplicationContext service;

    public FreshLedger(String... arguments) {
        this.arguments = arguments;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        smtp.start();
        service = StandaloneService.start(Path.of("target", "it-data", "fresh-" + UUID.randomUUID()), smtp, arguments);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (service != null) {
            service.close();
        }
        smtp.stop();
    }

    public ConfigurableApplicationContext service() {
        return service;
    }

    public GreenMail smtp() {
        return smtp;
    }

    public String baseUrl() {
        return StandaloneService.baseUrl(service);
    }
}
