package org.identityledger.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.identityledger.command.business.BusinessAdministrationService;
import org.identityledger.query.authorization.BusinessList;
import org.identityledger.query.authorization.ListBusinessesQuery;
import org.identityledger.web.paging.ListCursor;
import org.identityledger.web.paging.ListPage;
import org.identityledger.web.security.SessionResolver;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins list businesses and suspend or reinstate them with a reason (staff-context bearer with admin). */
@RestController
class BusinessAdministrationController {

    private final SessionResolver sessionResolver;
    private final BusinessAdministrationService administration;
    private final QueryGateway queryGateway;

    BusinessAdministrationController(SessionResolver sessionResolver, BusinessAdministrationService administration,
                                     QueryGateway queryGateway) {
        this.sessionResolver = sessionResolver;
        this.administration = administration;
        this.queryGateway = queryGateway;
    }

    @GetMapping("/v1/admin/businesses")
    ResponseEntity<BusinessesAnswer> list(@Valid @ParameterObject ListPage page, HttpServletRequest request) {
        sessionResolver.require(request);
        BusinessList businesses = queryGateway.query(new ListBusinessesQuery(page.size(), page.after()), BusinessList.class).join();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new BusinessesAnswer(businesses.businesses(), ListCursor.encode(businesses.next())));
    }

    record BusinessesAnswer(java.util.List<BusinessList.Entry> businesses, String nextCursor) {
    }

    @PostMapping(path = "/v1/admin/businesses/{business_id}/suspend", consumes = MediaType.APPLICATION_JSON_VALUE)
    StateAnswer suspend(@PathVariable("business_id") String businessId, @Valid @RequestBody ReasonBody body, HttpServletRequest request) {
        administration.suspend(sessionResolver.require(request).accountRef(), businessId, body.reason().strip());
        return new StateAnswer(businessId, "suspended");
    }

    @PostMapping(path = "/v1/admin/businesses/{business_id}/reinstate", consumes = MediaType.APPLICATION_JSON_VALUE)
    StateAnswer reinstate(@PathVariable("business_id") String businessId, @Valid @RequestBody ReasonBody body, HttpServletRequest request) {
        administration.reinstate(sessionResolver.require(request).accountRef(), businessId, body.reason().strip());
        return new StateAnswer(businessId, "active");
    }


    record StateAnswer(String businessId, String state) {
    }
}
