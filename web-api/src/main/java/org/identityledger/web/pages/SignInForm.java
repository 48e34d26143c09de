package org.identityledger.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.identityledger.web.validation.InputLimits;
import org.identityledger.web.validation.MailAddress;

/** The sign-in pages' form: the same limits as POST /v1/auth/login; {@code handle} only on the business page. */
record SignInForm(@NotBlank @Size(max = InputLimits.EMAIL) @MailAddress String email,
                  @NotEmpty @Size(max = InputLimits.PASSWORD) String password,
                  @Size(max = 40) String handle) {
}
