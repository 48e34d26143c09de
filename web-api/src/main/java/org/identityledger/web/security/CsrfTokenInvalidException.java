package org.identityledger.web.security;

import org.identityledger.command.common.DomainException;

/** A browser write without the CSRF token its cookie holds (403 CSRF_TOKEN_INVALID). */
public class CsrfTokenInvalidException extends DomainException {

    public CsrfTokenInvalidException() {
        super("CSRF_TOKEN_INVALID", "Browser writes need the " + CsrfInterceptor.HEADER_NAME
                + " header from GET /v1/auth/csrf, or on a page the form's " + CsrfInterceptor.FORM_FIELD + " field.");
    }
}
