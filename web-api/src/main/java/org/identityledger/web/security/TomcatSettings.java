package org.identityledger.web.security;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Paths: Tomcat refuses encoded "/" and "\" and a raw "\" on its own. These settings let such
 * requests through to CanonicalPathFilter, which runs first on every request and refuses each of
 * them (400 MALFORMED_REQUEST) on the raw, undecoded request URI before any routing; so nothing
 * that was refused before is accepted now, and the refusal is the contract's problem+json. What
 * Tomcat still refuses itself ("/../x", "%zz", ...) is answered by ProblemErrorReportValve.
 */
@Component
public class TomcatSettings implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
            connector.setAllowBackslash(true);
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setRelaxedPathChars("\\");
            }
        });
    }
}
