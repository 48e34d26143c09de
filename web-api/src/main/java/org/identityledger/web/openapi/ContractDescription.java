package org.identityledger.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.identityledger.web.security.CsrfInterceptor;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What springdoc cannot see from the handler methods, stated once per route: the success status
 * (201, 202 and 204 included), the problem codes each route answers with their statuses, and how the
 * caller authenticates (session cookie plus CSRF header, bearer token, or nothing). The table in
 * docs/API.md is checked against the description this produces, so the two cannot drift.
 */
@Component
class ContractDescription implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String COOKIE = "sessionCookie";
    static final String CSRF = "csrfHeader";
    static final String BEARER = "bearerToken";

    /** How a route is called. */
    enum Access { PUBLIC, BROWSER_WRITE, SESSION, SESSION_WRITE, BEARER }

    record Route(String method, String path, int success, Access access, Map<Integer, List<String>> problems) {
    }

    private static final List<String> BODY = List.of("VALIDATION_FAILED", "MALFORMED_REQUEST");
    private static final Map<Integer, List<String>> ALWAYS = Map.of(503, List.of("SERVICE_UNAVAILABLE"));

    static final List<Route> ROUTES = List.of(
            route("GET", "/v1/auth/csrf", 200, Access.PUBLIC, Map.of()),
            route("POST", "/v1/auth/signup", 201, Access.BROWSER_WRITE, Map.of(
                    400, list(BODY, "PASSWORD_POLICY"), 409, List.of("EMAIL_ALREADY_REGISTERED"),
                    413, List.of("PAYLOAD_TOO_LARGE"), 429, List.of("RATE_LIMITED"))),
            route("POST", "/v1/auth/login", 200, Access.BROWSER_WRITE, Map.of(
                    400, BODY, 401, List.of("INVALID_CREDENTIALS"),
                    403, List.of("ACCOUNT_SUSPENDED", "ACCOUNT_DEACTIVATED", "FORBIDDEN"), 429, List.of("RATE_LIMITED"))),
            route("POST", "/v1/auth/logout", 204, Access.SESSION_WRITE, Map.of()),
            route("GET", "/v1/auth/me", 200, Access.SESSION, Map.of(401, List.of("UNAUTHENTICATED"))),
            route("POST", "/v1/auth/email/verify", 200, Access.BROWSER_WRITE, Map.of(
                    400, list(BODY, "TOKEN_INVALID"), 409, List.of("TOKEN_ALREADY_USED"), 410, List.of("TOKEN_EXPIRED"),
                    429, List.of("RATE_LIMITED"))),
            route("POST", "/v1/auth/email/verification", 202, Access.BROWSER_WRITE, Map.of(
                    400, BODY, 429, List.of("RATE_LIMITED"))),
            route("POST", "/v1/auth/password/reset-request", 202, Access.BROWSER_WRITE, Map.of(
                    400, BODY, 429, List.of("RATE_LIMITED"))),
            route("POST", "/v1/auth/password/reset", 204, Access.BROWSER_WRITE, Map.of(
                    400, list(BODY, "TOKEN_INVALID", "PASSWORD_POLICY"), 403, List.of("ACCOUNT_SUSPENDED"),
                    409, List.of("TOKEN_ALREADY_USED"), 410, List.of("TOKEN_EXPIRED"), 429, List.of("RATE_LIMITED"))),
            route("POST", "/v1/auth/native/login", 200, Access.PUBLIC, Map.of(
                    400, BODY, 401, List.of("INVALID_CREDENTIALS"),
                    403, List.of("ACCOUNT_SUSPENDED", "ACCOUNT_DEACTIVATED", "FORBIDDEN"), 429, List.of("RATE_LIMITED"))),
            route("POST", "/v1/auth/native/refresh", 200, Access.PUBLIC, Map.of(
                    400, BODY, 401, List.of("REFRESH_TOKEN_REUSED", "REFRESH_TOKEN_INVALID"), 429, List.of("RATE_LIMITED"))),
            route("POST", "/v1/auth/native/logout", 204, Access.BEARER, Map.of(401, List.of("UNAUTHENTICATED"))),
            route("GET", "/v1/auth/sessions", 200, Access.SESSION, Map.of(
                    400, List.of("VALIDATION_FAILED"), 401, List.of("UNAUTHENTICATED"), 403, List.of("CONTEXT_MISMATCH"))),
            route("DELETE", "/v1/auth/sessions/{session_id}", 204, Access.SESSION_WRITE, Map.of(
                    401, List.of("UNAUTHENTICATED"), 403, List.of("CONTEXT_MISMATCH"), 404, List.of("NOT_FOUND"))),
            route("POST", "/v1/auth/sessions/revoke-others", 204, Access.SESSION_WRITE, Map.of(
                    401, List.of("UNAUTHENTICATED"), 403, List.of("CONTEXT_MISMATCH"))),
            route("POST", "/v1/account/seller", 200, Access.SESSION_WRITE, Map.of(
                    401, List.of("UNAUTHENTICATED"), 403, List.of("EMAIL_NOT_VERIFIED", "ACCOUNT_SUSPENDED", "CONTEXT_MISMATCH"))),
            route("POST", "/v1/account/businesses", 201, Access.SESSION_WRITE, Map.of(
                    400, BODY, 401, List.of("UNAUTHENTICATED"), 403, List.of("EMAIL_NOT_VERIFIED", "CONTEXT_MISMATCH"),
                    409, List.of("HANDLE_TAKEN"))),
            route("POST", "/v1/account/invitations/accept", 200, Access.SESSION_WRITE, Map.of(
                    400, list(BODY, "TOKEN_INVALID"), 401, List.of("UNAUTHENTICATED"),
                    403, List.of("INVITATION_EMAIL_MISMATCH", "BUSINESS_SUSPENDED", "CONTEXT_MISMATCH"),
                    409, List.of("ALREADY_A_MEMBER", "TOKEN_ALREADY_USED"), 410, List.of("TOKEN_EXPIRED"))),
            route("GET", "/v1/businesses/{business_id}/members", 200, Access.BEARER, Map.of(
                    400, List.of("VALIDATION_FAILED"), 401, List.of("UNAUTHENTICATED"), 403, List.of("CONTEXT_MISMATCH"),
                    404, List.of("NOT_FOUND"))),
            route("POST", "/v1/businesses/{business_id}/invitations", 201, Access.BEARER, Map.of(
                    400, BODY, 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "BUSINESS_SUSPENDED", "CONTEXT_MISMATCH"),
                    404, List.of("NOT_FOUND"))),
            route("GET", "/v1/businesses/{business_id}/invitations", 200, Access.BEARER, Map.of(
                    400, List.of("VALIDATION_FAILED"), 401, List.of("UNAUTHENTICATED"), 403, List.of("CONTEXT_MISMATCH"),
                    404, List.of("NOT_FOUND"))),
            route("DELETE", "/v1/businesses/{business_id}/invitations/{invitation_id}", 204, Access.BEARER, Map.of(
                    401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "BUSINESS_SUSPENDED", "CONTEXT_MISMATCH"),
                    404, List.of("NOT_FOUND"))),
            route("PUT", "/v1/businesses/{business_id}/members/{account_ref}", 200, Access.BEARER, Map.of(
                    400, BODY, 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "BUSINESS_SUSPENDED", "CONTEXT_MISMATCH"),
                    404, List.of("NOT_FOUND"), 409, List.of("LAST_OWNER"))),
            route("DELETE", "/v1/businesses/{business_id}/members/{account_ref}", 204, Access.BEARER, Map.of(
                    401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "BUSINESS_SUSPENDED", "CONTEXT_MISMATCH"),
                    404, List.of("NOT_FOUND"), 409, List.of("LAST_OWNER"))),
            route("POST", "/v1/admin/staff-grants", 201, Access.BEARER, Map.of(
                    400, BODY, 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"),
                    404, List.of("ACCOUNT_NOT_FOUND"))),
            route("DELETE", "/v1/admin/staff-grants/{account_ref}/{role}", 204, Access.BEARER, Map.of(
                    401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"), 404, List.of("NOT_FOUND"),
                    409, List.of("LAST_ADMIN"))),
            route("POST", "/v1/authz/decisions", 200, Access.BEARER, Map.of(400, BODY, 401, List.of("UNAUTHENTICATED"))),
            route("GET", "/v1/admin/accounts", 200, Access.BEARER, Map.of(
                    400, List.of("VALIDATION_FAILED"), 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"))),
            route("GET", "/v1/admin/accounts/{account_ref}", 200, Access.BEARER, Map.of(
                    401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"), 404, List.of("ACCOUNT_NOT_FOUND"))),
            route("POST", "/v1/admin/accounts/{account_ref}/suspend", 200, Access.BEARER, Map.of(
                    400, BODY, 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"),
                    404, List.of("ACCOUNT_NOT_FOUND"), 409, List.of("ILLEGAL_STATE_TRANSITION", "LAST_ADMIN"))),
            route("POST", "/v1/admin/accounts/{account_ref}/reinstate", 200, Access.BEARER, Map.of(
                    400, BODY, 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"),
                    404, List.of("ACCOUNT_NOT_FOUND"), 409, List.of("ILLEGAL_STATE_TRANSITION"))),
            route("POST", "/v1/admin/accounts/{account_ref}/deactivate", 200, Access.BEARER, Map.of(
                    400, BODY, 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"),
                    404, List.of("ACCOUNT_NOT_FOUND"), 409, List.of("ILLEGAL_STATE_TRANSITION", "LAST_ADMIN"))),
            route("GET", "/v1/admin/businesses", 200, Access.BEARER, Map.of(
                    400, List.of("VALIDATION_FAILED"), 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"))),
            route("POST", "/v1/admin/businesses/{business_id}/suspend", 200, Access.BEARER, Map.of(
                    400, BODY, 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"), 404, List.of("NOT_FOUND"))),
            route("POST", "/v1/admin/businesses/{business_id}/reinstate", 200, Access.BEARER, Map.of(
                    400, BODY, 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"), 404, List.of("NOT_FOUND"))),
            route("GET", "/v1/audit/security-log", 200, Access.BEARER, Map.of(
                    400, List.of("VALIDATION_FAILED"), 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"))),
            route("GET", "/v1/account/export", 200, Access.SESSION, Map.of(
                    401, List.of("UNAUTHENTICATED"), 403, List.of("CONTEXT_MISMATCH"))),
            route("DELETE", "/v1/account", 204, Access.SESSION_WRITE, Map.of(
                    400, BODY, 401, List.of("UNAUTHENTICATED", "INVALID_CREDENTIALS"), 403, List.of("CONTEXT_MISMATCH"),
                    409, List.of("LAST_ADMIN"), 429, List.of("RATE_LIMITED"))),
            route("POST", "/v1/admin/accounts/{account_ref}/erase", 204, Access.BEARER, Map.of(
                    400, BODY, 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"),
                    404, List.of("ACCOUNT_NOT_FOUND"), 409, List.of("LAST_ADMIN"))),
            route("GET", "/v1/audit/events", 200, Access.BEARER, Map.of(
                    400, List.of("VALIDATION_FAILED"), 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"))),
            route("GET", "/v1/audit/accounts/{account_ref}/timeline", 200, Access.BEARER, Map.of(
                    401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"))),
            route("GET", "/v1/audit/accounts/{account_ref}/state", 200, Access.BEARER, Map.of(
                    400, List.of("VALIDATION_FAILED"), 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"),
                    404, List.of("ACCOUNT_NOT_FOUND"))),
            route("GET", "/v1/audit/export", 200, Access.BEARER, Map.of(
                    400, List.of("VALIDATION_FAILED"), 401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"))),
            route("GET", "/v1/audit/checkpoints/latest", 200, Access.BEARER, Map.of(
                    401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"), 404, List.of("NOT_FOUND"))),
            route("GET", "/v1/admin/projections", 200, Access.BEARER, Map.of(
                    401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"))),
            route("GET", "/v1/admin/projections/{name}", 200, Access.BEARER, Map.of(
                    401, List.of("UNAUTHENTICATED"), 403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"), 404, List.of("NOT_FOUND"))),
            route("POST", "/v1/admin/projections/{name}/rebuild", 202, Access.BEARER, Map.of(
                    400, List.of("VALIDATION_FAILED", "MALFORMED_REQUEST"), 401, List.of("UNAUTHENTICATED"),
                    403, List.of("FORBIDDEN", "CONTEXT_MISMATCH"), 404, List.of("NOT_FOUND"), 409, List.of("REBUILD_IN_PROGRESS"))),
            route("GET", "/.well-known/jwks.json", 200, Access.PUBLIC, Map.of()));

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        api.getComponents()
                .addSecuritySchemes(COOKIE, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                        .name("ledger_session").description("Browser session cookie (__Host-ledger_session over https)."))
                .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name(CsrfInterceptor.HEADER_NAME).description("The csrf_token from GET /v1/auth/csrf; needed by"
                                + " every browser POST/PUT/PATCH/DELETE under /v1/."))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("Access token from /v1/auth/native/login or /refresh."));
        for (Route route : ROUTES) {
            PathItem item = api.getPaths() == null ? null : api.getPaths().get(route.path());
            Operation operation = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(route.method()));
            if (operation != null) {
                describe(operation, route);
            }
        }
    }

    private static void describe(Operation operation, Route route) {
        ApiResponses responses = new ApiResponses();
        ApiResponse documentedSuccess = operation.getResponses() == null ? null
                : operation.getResponses().values().stream().findFirst().orElse(null);
        ApiResponse success = new ApiResponse().description(successDescription(route.success()));
        if (route.success() != 204 && documentedSuccess != null) {
            success.content(documentedSuccess.getContent());
        }
        if (route.path().equals("/v1/auth/login")) {
            success.addHeaderObject(CsrfInterceptor.HEADER_NAME, new io.swagger.v3.oas.models.headers.Header()
                    .description("The new CSRF token: login rotates it, the one used before is dead.")
                    .schema(new StringSchema()));
        }
        responses.addApiResponse(Integer.toString(route.success()), success);
        problemsOf(route).forEach((status, codes) -> responses.addApiResponse(Integer.toString(status), new ApiResponse()
                .description("Problem: " + String.join(", ", codes))
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(problemWith(codes))))));
        operation.setResponses(responses);
        operation.setSecurity(security(route.access()));
    }

    /** Every route's problems, the ones every route shares included. */
    static Map<Integer, List<String>> problemsOf(Route route) {
        Map<Integer, List<String>> problems = new TreeMap<>(route.problems());
        if (route.access() == Access.BROWSER_WRITE || route.access() == Access.SESSION_WRITE) {
            problems.merge(403, List.of("CSRF_TOKEN_INVALID"), ContractDescription::list);
        }
        ALWAYS.forEach((status, codes) -> problems.merge(status, codes, ContractDescription::list));
        return problems;
    }

    private static List<SecurityRequirement> security(Access access) {
        return switch (access) {
            case PUBLIC -> List.of();
            case BROWSER_WRITE -> List.of(new SecurityRequirement().addList(CSRF));
            case SESSION -> List.of(new SecurityRequirement().addList(COOKIE), new SecurityRequirement().addList(BEARER));
            case SESSION_WRITE -> List.of(new SecurityRequirement().addList(COOKIE).addList(CSRF),
                    new SecurityRequirement().addList(BEARER));
            case BEARER -> List.of(new SecurityRequirement().addList(BEARER));
        };
    }

    private static String successDescription(int status) {
        return switch (status) {
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No content";
            default -> "OK";
        };
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema());
        properties.put("title", new StringSchema());
        properties.put("status", new IntegerSchema());
        properties.put("detail", new StringSchema());
        properties.put("instance", new StringSchema());
        properties.put("code", new StringSchema().description("Stable, UPPER_SNAKE"));
        properties.put("errors", new ArraySchema().items(new ObjectSchema()
                .addProperty("field", new StringSchema()).addProperty("code", new StringSchema())
                .addProperty("message", new StringSchema())));
        return new ObjectSchema().properties(properties).required(List.of("type", "title", "status", "code"))
                .description("RFC 9457 problem details with the contract's stable code.");
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemWith(List<String> codes) {
        Schema code = new StringSchema();
        code.setEnum(new ArrayList<>(codes));
        return new Schema().allOf(List.of(new Schema().$ref("#/components/schemas/" + PROBLEM),
                new ObjectSchema().addProperty("code", code)));
    }

    private static Route route(String method, String path, int success, Access access, Map<Integer, List<String>> problems) {
        return new Route(method, path, success, access, problems);
    }

    private static List<String> list(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static List<String> list(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        second.stream().filter(code -> !all.contains(code)).forEach(all::add);
        return all;
    }
}
