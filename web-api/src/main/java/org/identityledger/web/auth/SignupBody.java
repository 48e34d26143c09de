package org.identityledger.web.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.identityledger.web.validation.InputLimits;
import org.identityledger.web.validation.MailAddress;
import org.identityledger.web.validation.MaxCodePoints;
import org.identityledger.web.validation.NewPassword;
import org.identityledger.web.validation.PlainText;

/** POST /v1/auth/signup. */
record SignupBody(@NotBlank @Size(max = InputLimits.EMAIL) @MailAddress String email,
                  @NotEmpty @NewPassword String password,
                  @MaxCodePoints(InputLimits.NAME) @PlainText String displayName,
                  String nextPath,
                  @Pattern(regexp = ReturnTargets.PATTERN, message = ReturnTargets.MESSAGE) String returnTarget) {
}
