package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field problems of the contract, exactly as clients see them: one Bean Validation mechanism on
 * the request records produces them, one problem per field, in the order the request declares them.
 */
class FieldProblemsHttpTest extends IntegrationTest {

    private static final String LONG_NAME = "n".repeat(101);

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("POST", "/v1/auth/signup", "{}",
                        List.of("email REQUIRED This field is required.", "password REQUIRED This field is required.")),
                Arguments.of("POST", "/v1/auth/signup", "{\"email\":\"" + "a".repeat(250) + "@x.io\",\"password\":\"p\","
                                + "\"display_name\":\"" + LONG_NAME + "\\u0007\",\"return_target\":\"android\"}",
                        List.of("email TOO_LONG At most 254 characters.", "display_name TOO_LONG At most 100 characters.",
                                "return_target INVALID_VALUE Either \"ios\" or \"web\".")),
                Arguments.of("POST", "/v1/auth/signup", "{\"email\":\"not an address\",\"password\":\"p\",\"display_name\":\"a\\u0000b\"}",
                        List.of("email INVALID_EMAIL This is not an email address.",
                                "display_name INVALID_CHARACTERS Control characters are not allowed.")),
                Arguments.of("POST", "/v1/auth/login", "{\"email\":\"  \",\"password\":\"\"}",
                        List.of("email REQUIRED This field is required.", "password REQUIRED This field is required.")),
                Arguments.of("POST", "/v1/auth/login", "{\"email\":\"a@example.com\",\"password\":\"" + "p".repeat(129) + "\"}",
                        List.of("password TOO_LONG At most 128 characters.")),
                Arguments.of("POST", "/v1/auth/native/login", "{\"email\":\"a@example.com\",\"password\":\"p\","
                                + "\"device_name\":\"\u202Ephone\",\"device_token\":\"" + "d".repeat(201) + "\"}",
                        List.of("device_name INVALID_CHARACTERS Control characters are not allowed.",
                                "device_token TOO_LONG At most 200 characters.")),
                Arguments.of("POST", "/v1/auth/native/refresh", "{\"refresh_token\":\"\"}",
                        List.of("refresh_token REQUIRED This field is required.")),
                Arguments.of("POST", "/v1/auth/email/verify", "{\"token\":\"" + "t".repeat(257) + "\"}",
                        List.of("token TOO_LONG At most 256 characters.")),
                Arguments.of("POST", "/v1/auth/email/verification", "{\"email\":\"x\",\"return_target\":\"web\"}",
                        List.of("email INVALID_EMAIL This is not an email address.")),
                Arguments.of("POST", "/v1/auth/password/reset-request", "{\"return_target\":\"IOS\"}",
                        List.of("email REQUIRED This field is required.", "return_target INVALID_VALUE Either \"ios\" or \"web\".")),
                Arguments.of("POST", "/v1/auth/password/reset", "{}",
                        List.of("token REQUIRED This field is required.", "new_password REQUIRED This field is required.")),
                Arguments.of("GET", "/v1/auth/sessions?limit=0&cursor=bm90LWEtY3Vyc29y", null,
                        List.of("limit OUT_OF_RANGE A whole number from 1 to 100.",
                                "cursor INVALID_VALUE Not a cursor this service handed out.")),
                Arguments.of("GET", "/v1/auth/sessions?limit=abc", null, List.of("limit OUT_OF_RANGE A whole number from 1 to 100.")),
                Arguments.of("GET", "/v1/auth/sessions?limit=99999999999", null, List.of("limit OUT_OF_RANGE A whole number from 1 to 100.")));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("invalidRequests")
    void invalidFieldsAreNamedWithTheContractsCodes(String method, String path, Object body, List<String> expected) {
        Browser browser = browser().withCsrf();
        HttpAnswer answer = method.equals("GET") ? browser.get(path) : browser.postJson(path, (String) body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("code")).isEqualTo("VALIDATION_FAILED");
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : answer.json().path("errors")) {
            problems.add(problem.path("field").asText() + " " + problem.path("code").asText() + " " + problem.path("message").asText());
        }
        assertThat(problems).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newPasswordFields")
    void aRefusedNewPasswordNamesTheFieldTheRequestCarriedIt(String path, String body, String field) {
        HttpAnswer answer = browser().withCsrf().postJson(path, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("code")).isEqualTo("PASSWORD_POLICY");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    static Stream<Arguments> newPasswordFields() {
        return Stream.of(
                Arguments.of("/v1/auth/signup", "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"short\"}", "password"),
                Arguments.of("/v1/auth/signup", "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"" + "p".repeat(129) + "\"}",
                        "password"));
    }
}
