package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every unsafe route under /v1, taken from Spring's own route table so a new route is covered the
 * day it is added, is called through a generated family of spellings of its path that a router
 * may treat as the same route: ";" parameters, percent-encoded unreserved characters (both hex
 * cases), "//", "/./", "/x/../", a trailing "/", encoded and backslash separators. A browser that
 * holds a live session and a CSRF cookie, but sends no CSRF header, must never reach the handler of
 * a cookie-authenticated route that way; and no spelling of any route may get a 5xx or anything but
 * problem+json.
 */
class PathVariantsHostileTest extends IntegrationTest {

    private static final Set<RequestMethod> UNSAFE = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE);
    private static final String UNRESERVED_PUNCTUATION = "-._~";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping routes;

    @Test
    void noPathVariantOfAnUnsafeCookieRouteReachesItsHandlerWithoutTheCsrfHeader() {
        String email = uniqueEmail();
        Browser browser = browser();
        signUp(browser, email);
        assertThat(logIn(browser, email).status()).isEqualTo(200);
        String cookies = "ledger_session=" + browser.cookie("ledger_session").orElseThrow()
                + "; ledger_csrf=" + browser.cookie("ledger_csrf").orElseThrow();
        String body = loginJson(email, PASSWORD);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int requests = 0;

        for (Route route : unsafeRoutes()) {
            for (String variant : variantsOf(route.path())) {
                HttpAnswer answer = RawHttp.send(port, route.method(), variant,
                        Map.of("Cookie", cookies, "Content-Type", "application/json"), body);
                requests++;
                statuses.merge(answer.status(), 1, Integer::sum);
                String problem = problemOf(route, variant, answer);
                if (problem != null) {
                    failures.add(problem);
                }
            }
        }

        System.out.println("path variants: " + requests + " requests, statuses " + statuses);
        assertThat(requests).isGreaterThan(500);
        assertThat(failures).as("path variants answered wrongly").isEmpty();
    }

    @Test
    void theCanonicalPathOfEveryUnsafeCookieRouteNeedsTheCsrfHeader() {
        for (Route route : unsafeRoutes()) {
            if (route.isCookieRoute()) {
                RawHttp.send(port, route.method(), route.path(), Map.of("Content-Type", "application/json"), "{}")
                        .assertProblem(403, "CSRF_TOKEN_INVALID");
            }
        }
    }

    @Test
    void nonCanonicalPathsAreRefusedBeforeRoutingAsMalformed() {
        for (String path : List.of("/%761/auth/me", "/v1;/auth/me", "/v1/auth/./me", "/v1/x/../auth/me", "//v1/auth/me",
                "/v1/auth%2Fme", "/v1\\auth/me", "/v1/auth/m%65")) {
            HttpAnswer answer = RawHttp.send(port, "GET", path, Map.of(), null);
            assertThat(answer.status()).as(path).isEqualTo(400);
            answer.assertProblem(400, "MALFORMED_REQUEST");
        }
    }

    @Test
    void pathsTheContainerItselfRefusesStillGetAProblem() {
        for (String path : List.of("/../v1/auth/logout", "/v1/../../v1/auth/logout", "/v1/auth/%zz", "/v1/auth/%",
                "/v1/auth/me%00", "/v1/auth/|", "/v1/auth/{x}", "/v1/auth/%C0%AF", "/v1/auth/%FF", "/v1/auth/logout#x", "*")) {
            for (String method : List.of("GET", "POST")) {
                HttpAnswer answer = RawHttp.send(port, method, path, Map.of(), null);
                assertThat(answer.contentType()).as(method + " " + path + " -> " + answer.body()).startsWith("application/problem+json");
                answer.assertProblem(400, "MALFORMED_REQUEST");
                assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            }
        }
    }

    /** Null when the answer keeps the rules, else a description of what went wrong. */
    private static String problemOf(Route route, String variant, HttpAnswer answer) {
        String what = route.method() + " " + variant + " -> " + answer.status() + " " + abbreviate(answer.body());
        if (answer.status() >= 500) {
            return "server error: " + what;
        }
        boolean isProblem = answer.contentType().startsWith("application/problem+json");
        String code = isProblem ? answer.json().path("code").asText() : "";
        if (route.isCookieRoute() && !refusedBeforeTheHandler(answer.status(), code)) {
            return "reached the handler without the CSRF header: " + what;
        }
        if (!isProblem) {
            return "not problem+json: " + what;
        }
        if (!code.matches("[A-Z_]+")) {
            return "no code: " + what;
        }
        return null;
    }

    /** Refused as malformed, not routed at all, or refused by the CSRF check: the handler never ran. */
    private static boolean refusedBeforeTheHandler(int status, String code) {
        return (status == 400 && code.equals("MALFORMED_REQUEST")) || (status == 403 && code.equals("CSRF_TOKEN_INVALID"))
                || status == 404 || status == 405;
    }

    private List<Route> unsafeRoutes() {
        Set<Route> found = new TreeSet<>();
        routes.getHandlerMethods().forEach((mapping, handler) -> {
            Set<String> patterns = mapping.getPatternValues();
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/v1/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? UNSAFE : methods) {
                    if (UNSAFE.contains(method)) {
                        found.add(new Route(method.name(), pattern.replaceAll("\\{[^}]+}", "ses_x")));
                    }
                }
            }
        });
        assertThat(found).as("unsafe routes under /v1").hasSizeGreaterThan(8);
        return List.copyOf(found);
    }

    /** The generated family of spellings of one path; the canonical path itself is not among them. */
    static Set<String> variantsOf(String path) {
        Set<String> variants = new LinkedHashSet<>();
        List<Integer> slashes = new ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                slashes.add(i);
            }
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isLetterOrDigit(c) || UNRESERVED_PUNCTUATION.indexOf(c) >= 0) {
                String hex = String.format("%02X", (int) c);
                variants.add(path.substring(0, i) + "%" + hex + path.substring(i + 1));
                variants.add(path.substring(0, i) + "%" + hex.toLowerCase() + path.substring(i + 1));
            }
        }
        for (int slash : slashes) {
            String before = path.substring(0, slash);
            String after = path.substring(slash + 1);
            if (slash > 0) {
                variants.add(before + ";/" + after);
                variants.add(before + ";x=1/" + after);
                variants.add(before + "%2F" + after);
                variants.add(before + "%2f" + after);
                variants.add(before + "\\" + after);
                variants.add(before + "%5C" + after);
                variants.add(before + "%5c" + after);
            }
            variants.add(before + "//" + after);
            variants.add(before + "/./" + after);
            variants.add(before + "/x/../" + after);
            variants.add(before + "/%2e/" + after);
            variants.add(before + "/x/%2E%2E/" + after);
            variants.add(before + "/;/" + after);
        }
        variants.add("/.." + path);
        variants.add("/x/../.." + path);
        variants.add(path + ";");
        variants.add(path + ";jsessionid=x");
        variants.add(path + "/");
        variants.add(path + "/.");
        variants.add(path + "//");
        variants.remove(path);
        return variants;
    }

    private static String abbreviate(String body) {
        String single = new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replace('\n', ' ');
        return single.length() > 160 ? single.substring(0, 160) + "…" : single;
    }

    private record Route(String method, String path) implements Comparable<Route> {
        boolean isCookieRoute() {
            return !path.startsWith("/v1/auth/native/");
        }

        @Override
        public int compareTo(Route other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }
    }
}
