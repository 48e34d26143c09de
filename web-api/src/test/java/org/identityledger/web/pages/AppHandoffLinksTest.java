package org.identityledger.web.pages;

import org.identityledger.command.account.EmailVerificationService;
import org.identityledger.command.account.PasswordResetService;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.identityledger.web.security.AbuseGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * RFC 8252 §7.1: any app can register a custom URL scheme and be handed a reset token. An https
 * app link (universal link) can be claimed only by the app its domain vouches for, so when one is
 * configured the pages hand off through it and never through the scheme.
 */
class AppHandoffLinksTest {

    private static final String TOKEN = "A".repeat(43);
    private static final String UNIVERSAL = "https://app.example.com/ledger";

    private static IdentityProperties bound(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bind("identity", IdentityProperties.class)
                .orElseGet(IdentityProperties::new);
    }

    private static VerifyEmailPage verifyPage(IdentityProperties properties) {
        return new VerifyEmailPage(mock(EmailVerificationService.class), new TokenLinkPages(null, properties),
                mock(AbuseGuard.class));
    }

    private static ResetPasswordPage resetPage(IdentityProperties properties) {
        return new ResetPasswordPage(mock(PasswordResetService.class), new TokenLinkPages(null, properties),
                mock(AbuseGuard.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {UNIVERSAL, UNIVERSAL + "/"})
    void theUniversalLinkBaseIsPreferredToTheSchemeWhenSet(String base) {
        IdentityProperties properties = bound(Map.of("identity.native.app-link-base", base));

        String verify = verifyPage(properties).show(new TokenLink(TOKEN, "/home", "ios")).getBody();
        String verified = verifyPage(properties).submit(new TokenLink(TOKEN, "/home", "ios"), null).getBody();
        String reset = resetPage(properties).show(new TokenLink(TOKEN, "/home", "ios")).getBody();
        String changed = resetPage(properties).submit(new TokenLink(TOKEN, "/home", "ios"), "a long and new passphrase", null).getBody();

        assertThat(verify).contains("href=\"" + UNIVERSAL + "/auth/verify-email?token=" + TOKEN + "&amp;next=%2Fhome\"");
        assertThat(reset).contains("href=\"" + UNIVERSAL + "/auth/reset-password?token=" + TOKEN + "&amp;next=%2Fhome\"");
        assertThat(verified).contains("href=\"" + UNIVERSAL + "/auth/login?next=%2Fhome\"");
        assertThat(changed).contains("href=\"" + UNIVERSAL + "/auth/login?next=%2Fhome\"");
        for (String page : new String[]{verify, verified, reset, changed}) {
            assertThat(page).doesNotContain("identityledger:");
        }
    }

    @Test
    void withoutAUniversalLinkBaseTheConfiguredSchemeIsTheFallback() {
        IdentityProperties properties = bound(Map.of("identity.native.app-scheme", "exampleapp"));

        assertThat(resetPage(properties).show(new TokenLink(TOKEN, "/home", "ios")).getBody())
                .contains("href=\"exampleapp://auth/reset-password?token=" + TOKEN + "&amp;next=%2Fhome\"");
        assertThat(verifyPage(properties).submit(new TokenLink(TOKEN, "/home", "ios"), null).getBody())
                .contains("href=\"exampleapp://auth/login?next=%2Fhome\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.com", "identityledger://auth", "https://", "https://user@app.example.com",
            "https://app.example.com/x?y=1", "https://app.example.com/x#y", "//app.example.com", "app.example.com"})
    void aUniversalLinkBaseMustBeAPlainHttpsAddress(String base) {
        assertThatThrownBy(() -> bound(Map.of("identity.native.app-link-base", base))).isInstanceOf(BindException.class);
    }
}
