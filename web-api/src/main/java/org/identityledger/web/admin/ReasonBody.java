package org.identityledger.web.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.identityledger.web.validation.PlainText;

/** Every administrative change says why: the APIs' body and the console's form. */
public record ReasonBody(@NotBlank @Size(max = 500) @PlainText String reason) {
}
