package org.identityledger.web.auth;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.identityledger.web.validation.InputLimits;

/** POST /v1/auth/native/refresh. */
record RefreshBody(@NotEmpty @Size(max = InputLimits.REFRESH_TOKEN) String refreshToken) {
}
