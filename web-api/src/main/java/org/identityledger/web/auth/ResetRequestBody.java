package org.identityledger.web.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.identityledger.web.validation.InputLimits;
import org.identityledger.web.validation.MailAddress;

/** POST /v1/auth/password/reset-request. */
record ResetRequestBody(@NotBlank @Size(max = InputLimits.EMAIL) @MailAddress String email,
                        String nextPath,
                        @Pattern(regexp = ReturnTargets.PATTERN, message = ReturnTargets.MESSAGE) String returnTarget) {
}
