package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the shipped service, taken from the router itself, called without any credential
 * (no cookie, no bearer, no password; with a valid CSRF token so that the handler, not the CSRF check,
 * answers): none of them hands out a session cookie or a token. The benchmark probes that seeded
 * sessions without passwords are not in the service at all (bench/probes).
 */
class ShippedRoutesTest extends IntegrationTest {

    private static final Set<String> SESSION_COOKIES = Set.of("ledger_session", "ledger_business_session", "ledger_staff_session");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping router;

    @Test
    void noRouteOfTheShippedServiceStartsASessionWithoutCredentials() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo mapping : router.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (String pattern : mapping.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    routes.add(method + " " + pattern);
                }
            }
        }
        assertThat(routes).as("the router's routes").hasSizeGreaterThan(50)
                .noneMatch(route -> route.contains(" /bench"));

        List<String> handedOut = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
            Browser anonymous = browser();
            for (HttpAnswer answer : List.of(
                    anonymous.send(method, path, "application/json", "{}"),
                    anonymous.send(method, path, "application/x-www-form-urlencoded", "email=&password="))) {
                boolean cookie = answer.headers().allValues("Set-Cookie").stream().anyMatch(value -> SESSION_COOKIES.stream()
                        .anyMatch(name -> value.matches("(__Host-|__Secure-)?" + name + "=[^;]+;.*")));
                boolean token = issuesTokens(answer);
                if (cookie || token) {
                    handedOut.add(route + " -> " + answer.status());
                }
            }
        }
        assertThat(handedOut).as("routes that started a session without credentials").isEmpty();
    }

    /** A JSON answer that carries a token value (not a description or a problem naming the field). */
    private static boolean issuesTokens(HttpAnswer answer) {
        if (answer.contentType() == null || !answer.contentType().startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode body = answer.json();
            return body.path("access_token").isTextual() || body.path("refresh_token").isTextual();
        } catch (RuntimeException notAnObject) {
            return false;
        }
    }
}
