package org.identityledger.web.auth;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.identityledger.web.validation.InputLimits;

/** POST /v1/auth/email/verify. */
record VerifyEmailBody(@NotEmpty @Size(max = InputLimits.TOKEN) String token) {
}
