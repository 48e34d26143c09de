package org.identityledger.web.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.identityledger.IdentityLedgerApplication;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The whole service over real HTTP, on a real PostgreSQL (the embedded default, in a fresh data
 * directory per test JVM) and a real SMTP server (GreenMail). One Spring context is shared by every
 * test class that extends this one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {IdentityLedgerApplication.class, IntegrationTest.TestClockConfiguration.class})
public abstract class IntegrationTest {

    public static final String PASSWORD = "correct horse battery staple";
    protected static final GreenMail SMTP = new GreenMail(ServerSetup.SMTP.dynamicPort());
    protected static final Path DATA_DIR = Path.of("target", "it-data", "run-" + UUID.randomUUID());

    static {
        SMTP.start();
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected CommandGateway commandGateway;
    @Autowired
    protected MutableClock clock;

    protected final Mailbox mailbox = new Mailbox(SMTP);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("identity.data-dir", () -> DATA_DIR.toAbsolutePath().toString());
        registry.add("identity.mail.embedded-smtp.enabled", () -> "false");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("identity.mail.poll-interval", () -> "100ms");
        // With a real SMTP server capture is off unless configured; these tests configure it explicitly.
        registry.add("identity.mail.capture-dir", () -> DATA_DIR.resolve("mail").toAbsolutePath().toString());
        registry.add("identity.public-base-url", () -> "http://localhost:8080");
        // These tests send hundreds of requests from one address; the limits have their own tests.
        registry.add("identity.abuse.enabled", () -> "false");
        // Spring Boot's tests switch metrics export off unless asked; the service exports to Prometheus.
        registry.add("management.prometheus.metrics.export.enabled", () -> "true");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected Browser browser() {
        return new Browser("http://localhost:" + port).withCsrf();
    }

    protected static String uniqueEmail() {
        return "person-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    protected static String signupJson(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    protected static String loginJson(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    /** Signs up and returns the account reference. */
    protected String signUp(Browser browser, String email) {
        HttpAnswer answer = browser.postJson("/v1/auth/signup", signupJson(email));
        if (answer.status() != 201) {
            throw new AssertionError("signup failed: " + answer.body());
        }
        return answer.text("account_ref");
    }

    protected String signUpAndVerify(Browser browser, String email) {
        String accountRef = signUp(browser, email);
        String token = mailbox.awaitVerificationToken(email, 1);
        HttpAnswer verified = browser.postJson("/v1/auth/email/verify", "{\"token\":\"" + token + "\"}");
        if (verified.status() != 200) {
            throw new AssertionError("verification failed: " + verified.body());
        }
        return accountRef;
    }

    /** A native client: no cookie jar use, no CSRF token. */
    protected Browser nativeClient() {
        return new Browser("http://localhost:" + port);
    }

    protected HttpAnswer nativeLogIn(String email) {
        HttpAnswer answer = nativeClient().postJson("/v1/auth/native/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"device_name\":\"Test iPhone\"}");
        if (answer.status() != 200) {
            throw new AssertionError("native login failed: " + answer.body());
        }
        return answer;
    }

    protected HttpAnswer refresh(String refreshToken) {
        return nativeClient().postJson("/v1/auth/native/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    protected HttpAnswer logIn(Browser browser, String email) {
        return browser.postJson("/v1/auth/login", loginJson(email, PASSWORD));
    }

    /**
     * Makes the account an admin the way the ledger allows: through the bootstrap while the shared
     * test ledger has no admin yet, else granted by an existing admin.
     */
    protected void makeAdmin(String accountRef) {
        java.util.List<String> admins = jdbc.queryForList("SELECT account_ref FROM staff_grant_lookup WHERE role = 'admin'", String.class);
        commandGateway.sendAndWait(admins.isEmpty()
                ? new org.identityledger.command.staff.BootstrapAdminCommand(org.identityledger.command.staff.StaffRoster.ID, accountRef)
                : new org.identityledger.command.staff.GrantStaffRoleCommand(org.identityledger.command.staff.StaffRoster.ID, accountRef,
                        org.identityledger.events.staff.StaffRole.ADMIN, admins.get(0)));
    }

    /** A verified new account made admin; answers its email. */
    protected String newAdmin() {
        String email = uniqueEmail();
        makeAdmin(signUpAndVerify(browser(), email));
        return email;
    }

    /** A staff session of a new verified account that an admin granted {@code auditor}. */
    protected Browser newAuditor() {
        String admin = newAdmin();
        String email = uniqueEmail();
        String accountRef = signUpAndVerify(browser(), email);
        HttpAnswer granted = staffSession(admin).postJson("/v1/admin/staff-grants", "{\"account_ref\":\"" + accountRef
                + "\",\"role\":\"auditor\"}");
        if (granted.status() != 201) {
            throw new AssertionError("auditor grant failed: " + granted.body());
        }
        return staffSession(email);
    }

    /** A client holding the bearer token of a staff session of this account. */
    protected Browser staffSession(String email) {
        HttpAnswer login = nativeClient().postJson("/v1/auth/native/login", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"context\":\"staff\"}");
        if (login.status() != 200) {
            throw new AssertionError("staff login failed: " + login.body());
        }
        return browser().bearer(login.text("access_token"));
    }

    protected long eventCount(String aggregateIdentifier) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateIdentifier);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClockConfiguration {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }
}
