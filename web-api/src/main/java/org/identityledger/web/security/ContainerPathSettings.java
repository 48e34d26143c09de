package org.identityledger.web.security;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses encoded "/" and "\" and raw "\" itself, with an HTML page: the contract promises
 * problem+json for every answer. These settings let such requests through to CanonicalPathFilter,
 * which runs first on every request and refuses each of them (400 MALFORMED_REQUEST) on the raw,
 * undecoded request URI before any routing; so nothing that was refused before is accepted now.
 */
@Component
public class ContainerPathSettings implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

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
