package org.identityledger.infrastructure.config;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds the absolute links the service mails, all pointing at its own pages first. */
@Component
public class PublicLinks {

    private final IdentityProperties properties;
    private final Environment environment;

    public PublicLinks(IdentityProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public String baseUrl() {
        String configured = properties.getPublicBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }

    /** True when the service is reached over https, which is when cookies must be Secure. */
    public boolean isHttps() {
        return baseUrl().startsWith("https://");
    }

    public String page(String path, String token, String nextPath, String returnTarget) {
        StringBuilder link = new StringBuilder(baseUrl()).append(path)
                .append("?token=").append(encode(token))
                .append("&next=").append(encode(nextPath));
        if (returnTarget != null) {
            link.append("&return_target=").append(encode(returnTarget));
        }
        return link.toString();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
