package org.identityledger.web.security;

import org.identityledger.infrastructure.config.IdentityProperties;
import org.identityledger.infrastructure.config.PublicLinks;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CookieSettingsTest {

    private static CookieSettings settings(Boolean secure, String publicBaseUrl) {
        IdentityProperties properties = new IdentityProperties();
        properties.getSession().getCookie().setSecure(secure);
        properties.setPublicBaseUrl(publicBaseUrl);
        return new CookieSettings(properties, new PublicLinks(properties, new MockEnvironment()));
    }

    @Test
    void secureCookiesUseTheHostPrefix() {
        CookieSettings secure = settings(true, null);

        String cookie = secure.sessionCookie("secret", Duration.ofHours(12)).toString();

        assertThat(cookie).startsWith("__Host-ledger_session=secret").contains("Secure").contains("HttpOnly")
                .contains("SameSite=Lax").contains("Path=/").doesNotContain("Domain");
        assertThat(secure.csrfCookieName()).isEqualTo("__Host-ledger_csrf");
        assertThat(secure.deviceCookieName()).isEqualTo("__Host-ledger_device");
    }

    @Test
    void thePlainHttpEmbeddedDefaultUsesPlainNames() {
        CookieSettings plain = settings(false, null);

        assertThat(plain.sessionCookie("secret", Duration.ofHours(12)).toString())
                .startsWith("ledger_session=secret").doesNotContain("Secure");
    }

    @Test
    void unsetMeansSecureExactlyWhenThePublicAddressIsHttps() {
        assertThat(settings(null, "https://id.example.com").sessionCookieName()).isEqualTo("__Host-ledger_session");
        assertThat(settings(null, "http://localhost:8080").sessionCookieName()).isEqualTo("ledger_session");
    }
}
