package org.identityledger.web.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.identityledger.web.validation.InputLimits;
import org.identityledger.web.validation.MailAddress;
import org.identityledger.web.validation.MaxCodePoints;
import org.identityledger.web.validation.PlainText;

/**
 * POST /v1/auth/native/login. {@code deviceToken}: what an earlier successful sign-in on this device
 * answered, so that guesses from elsewhere cannot throttle this device's sign-in.
 */
@SignInContext
record NativeLoginBody(@NotBlank @Size(max = InputLimits.EMAIL) @MailAddress String email,
                       @NotEmpty @Size(max = InputLimits.PASSWORD) String password,
                       @MaxCodePoints(InputLimits.NAME) @PlainText String deviceName,
                       @Size(max = InputLimits.DEVICE_TOKEN) String deviceToken,
                       String context,
                       String businessId) implements SignInContext.Requested {
}
