package org.identityledger.web.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The contract's headers on every answer, errors and early refusals included: X-Content-Type-Options:
 * nosniff, and Cache-Control: no-store (with Pragma and Expires), since nearly every answer of an
 * identity service holds a token, a session or personal data. Spring Security's own header writers,
 * used without its filter chain (this service decides authentication itself); a handler that sets
 * its own Cache-Control keeps it. Outermost, so even a refusal before routing carries them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends HeaderWriterFilter {

    public SecurityHeadersFilter() {
        super(List.of(new XContentTypeOptionsHeaderWriter(), new CacheControlHeadersWriter()));
        setShouldWriteHeadersEagerly(true);
    }
}
