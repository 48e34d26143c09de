package org.identityledger.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.identityledger.command.staff.StaffGrantService;
import org.identityledger.events.staff.StaffRole;
import org.identityledger.query.session.LiveSession;
import org.identityledger.web.problem.NotFoundException;
import org.identityledger.web.security.SessionResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff grants, by admins only (a staff-context bearer session holding admin: the route family and
 * the session resolver decide); the StaffRoster records the acting admin and keeps the last admin.
 */
@RestController
class StaffGrantController {

    private static final String ROLE = "admin|auditor";

    private final SessionResolver sessionResolver;
    private final StaffGrantService staffGrants;

    StaffGrantController(SessionResolver sessionResolver, StaffGrantService staffGrants) {
        this.sessionResolver = sessionResolver;
        this.staffGrants = staffGrants;
    }

    @PostMapping(path = "/v1/admin/staff-grants", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<GrantAnswer> grant(@Valid @RequestBody GrantBody body, HttpServletRequest request) {
        LiveSession admin = sessionResolver.require(request);
        StaffRole role = StaffRole.fromWireName(body.role()).orElseThrow();
        staffGrants.grant(admin.accountRef(), body.accountRef(), role);
        return ResponseEntity.status(HttpStatus.CREATED).body(new GrantAnswer(body.accountRef(), role.wireName()));
    }

    @DeleteMapping("/v1/admin/staff-grants/{account_ref}/{role}")
    ResponseEntity<Void> revoke(@PathVariable("account_ref") String accountRef, @PathVariable("role") String role,
                                HttpServletRequest request) {
        LiveSession admin = sessionResolver.require(request);
        StaffRole revoked = StaffRole.fromWireName(role).orElseThrow(() -> new NotFoundException("No such staff role."));
        staffGrants.revoke(admin.accountRef(), accountRef, revoked);
        return ResponseEntity.noContent().build();
    }

    /** POST /v1/admin/staff-grants. */
    record GrantBody(@NotBlank @Size(max = 64) String accountRef,
                     @NotBlank @Pattern(regexp = ROLE, message = "Either admin or auditor.") String role) {
    }

    record GrantAnswer(String accountRef, String role) {
    }
}
