package org.identityledger.web.auth;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.identityledger.web.validation.InputLimits;
import org.identityledger.web.validation.NewPassword;

/** POST /v1/auth/password/reset. */
record ResetPasswordBody(@NotEmpty @Size(max = InputLimits.TOKEN) String token, @NotEmpty @NewPassword String newPassword) {
}
