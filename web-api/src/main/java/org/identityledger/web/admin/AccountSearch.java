package org.identityledger.web.admin;

import jakarta.validation.constraints.Size;
import org.identityledger.web.validation.InputLimits;
import org.identityledger.web.validation.PlainText;

/** An admin's account search: the start of an email address (GET /v1/admin/accounts, and the console's search). */
public record AccountSearch(@Size(max = InputLimits.EMAIL) @PlainText String email) {
}
