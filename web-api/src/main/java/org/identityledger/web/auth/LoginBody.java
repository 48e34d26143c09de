package org.identityledger.web.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.identityledger.web.validation.InputLimits;
import org.identityledger.web.validation.MailAddress;

/** POST /v1/auth/login; {@code context} (default customer) and, for a business, {@code businessId}. */
@SignInContext
record LoginBody(@NotBlank @Size(max = InputLimits.EMAIL) @MailAddress String email,
                 @NotEmpty @Size(max = InputLimits.PASSWORD) String password,
                 String context,
                 String businessId) implements SignInContext.Requested {
}
