package org.identityledger.web.business;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.identityledger.web.validation.InputLimits;
import org.identityledger.web.validation.MailAddress;

/** An invitation to a business: POST /v1/businesses/{business_id}/invitations, and the team page's form. */
public record InvitationBody(@NotBlank @Size(max = InputLimits.EMAIL) @MailAddress String email,
                             @NotBlank @Pattern(regexp = RoleBody.ROLE, message = RoleBody.ROLE_MESSAGE) String role) {
}
