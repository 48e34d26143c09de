package org.identityledger.web.security;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.identityledger.web.problem.ContainerErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The contract promises problem+json for every answer, including the ones Tomcat gives itself.
 *
 * <p>Paths: Tomcat refuses encoded "/" and "\" and a raw "\" on its own. These settings let such
 * requests through to CanonicalPathFilter, which runs first on every request and refuses each of
 * them (400 MALFORMED_REQUEST) on the raw, undecoded request URI before any routing; so nothing
 * that was refused before is accepted now.
 *
 * <p>Errors: whatever Tomcat still refuses itself ("/../x", "%zz", ...) is answered by
 * ContainerErrorReportValve instead of Tomcat's HTML error page. Spring Boot adds a plain
 * ErrorReportValve to the host; it is replaced just before the host starts, when every other
 * customizer has run.
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
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    useProblemErrorReports(host);
                }
            });
        });
    }

    private static void useProblemErrorReports(Host host) {
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new ContainerErrorReportValve());
        if (host instanceof StandardHost standard) {
            // Otherwise the host would add its default HTML valve next to ours when it starts.
            standard.setErrorReportValveClass(ContainerErrorReportValve.class.getName());
        }
    }
}
