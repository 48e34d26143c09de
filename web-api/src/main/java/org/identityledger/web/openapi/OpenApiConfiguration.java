package org.identityledger.web.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live description at /v3/api-docs; docs/API.md says the same in prose and ApiDocumentationTest holds the two together. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /**
     * Schemas are resolved with the web layer's own ObjectMapper, so the description names fields
     * exactly as the wire does (snake_case) and a generated client sends what the service reads.
     */
    @Bean
    public ModelResolver modelResolver(ObjectMapper objectMapper) {
        return new ModelResolver(objectMapper);
    }

    @Bean
    public OpenAPI identityLedgerApi() {
        return new OpenAPI().info(new Info()
                .title("Identity Ledger")
                .version("v1")
                .description("Event-sourced identity service. JSON bodies use snake_case; every error is"
                        + " application/problem+json (RFC 9457) with a stable `code`. Browser writes under /v1/ need"
                        + " the X-CSRF-Token header from GET /v1/auth/csrf; bearer requests and /v1/auth/native/**"
                        + " do not."));
    }
}
