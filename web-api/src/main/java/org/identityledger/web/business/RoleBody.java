package org.identityledger.web.business;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A member's new role: PUT /v1/businesses/{business_id}/members/{account_ref}, and the team page's form. */
public record RoleBody(@NotBlank @Pattern(regexp = ROLE, message = ROLE_MESSAGE) String role) {

    static final String ROLE = "owner|admin|member";
    static final String ROLE_MESSAGE = "Either owner, admin or member.";
}
