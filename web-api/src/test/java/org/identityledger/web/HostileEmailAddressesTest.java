package org.identityledger.web;

import jakarta.mail.internet.InternetAddress;
import org.identityledger.web.support.Browser;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile email addresses (Unicode that grows or changes under case mapping and IDNA, and
 * the mail-address grammar's display names, comments, quotes, lists, whitespace, IDN and punycode
 * domains, over-long labels) at every route that takes an email: none gets a 5xx, and an address
 * that is accepted is exactly one plain mailbox as the mail library reads it.
 */
class HostileEmailAddressesTest extends IntegrationTest {

    private static final int REQUESTS = 600;
    private static final String[] ROUTES = {"/v1/auth/signup", "/v1/auth/login", "/v1/auth/native/login",
            "/v1/auth/email/verification", "/v1/auth/password/reset-request"};
    /** Unicode whose lower or upper case, or IDNA mapping, is longer than itself or lands on ASCII. */
    private static final String[] EXPANDING = {"\u0130", "\u00DF", "\uFB03", "\u212A", "\u212B", "\uFF20", "\u0149",
            "\u1E9E", "\u0390", "\uFF41", "\u3002", "\uFF0E", "\u00AD", "\u200D", "\u2028", "\uD83D\uDE00", "\u0301"};
    private static final String[] GRAMMAR = {"x<%s>", "\"Alice\" <%s>", "%s (comment)", "(c)%s", "\"q\"%s", "%s,evil",
            "%s;other@example.com", " %s ", "%s\t", "a b%s", "%s>", "<%s", "%s:25", "\\%s", "%s\u0000"};

    private final Random random = new Random(20261124L);

    @Test
    void hostileEmailAddressesNeverGetA5xxAndAcceptedOnesAreOnePlainMailbox() throws Exception {
        Browser browser = browser();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            String route = ROUTES[random.nextInt(ROUTES.length)];
            String email = hostileAddress();
            String body = "{\"email\":" + jsonString(email) + ",\"password\":\"" + PASSWORD + "\"}";
            HttpAnswer answer = browser.postJson(route, body);
            statuses.merge(answer.status(), 1, Integer::sum);
            assertThat(answer.status()).as("%s %s -> %s", route, escaped(email), answer.body()).isLessThan(500);
            if (answer.status() >= 400) {
                assertThat(answer.contentType()).as(escaped(email)).startsWith("application/problem+json");
            }
            if (route.equals("/v1/auth/signup") && answer.status() == 201) {
                String stored = answer.text("email");
                InternetAddress[] parsed = InternetAddress.parse(stored, true);
                assertThat(parsed).as(escaped(email)).hasSize(1);
                assertThat(parsed[0].getAddress()).as(escaped(email)).isEqualTo(stored);
                assertThat(stored).as(escaped(email)).matches("[\\x21-\\x7E]+").doesNotContain("<", ">", "(", ")", ",", ";", ":", "\"");
            }
        }
        System.out.println("hostile email statuses: " + statuses);
    }

    private String hostileAddress() {
        String local = "u" + Integer.toHexString(random.nextInt()) ;
        String domain = "example.com";
        switch (random.nextInt(9)) {
            case 0 -> local = local + expanding(1 + random.nextInt(3));
            case 1 -> domain = expanding(1 + random.nextInt(3)) + domain;
            case 2 -> domain = "a" + expanding(100 + random.nextInt(200)) + ".com";
            case 3 -> local = expanding(30 + random.nextInt(100));
            case 4 -> domain = "l".repeat(60 + random.nextInt(10)) + ".com";
            case 5 -> domain = "xn--" + Integer.toHexString(random.nextInt()) + ".example";
            case 6 -> domain = random.nextBoolean() ? "B\u00FCcher.example" : "xn--bcher-kva.example";
            case 7 -> domain = ("d".repeat(63) + ".").repeat(3 + random.nextInt(2)) + "com";
            default -> local = "a".repeat(60 + random.nextInt(10));
        }
        String address = local + "@" + domain;
        if (random.nextBoolean()) {
            address = GRAMMAR[random.nextInt(GRAMMAR.length)].formatted(address);
        }
        return address;
    }

    private String expanding(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(EXPANDING[random.nextInt(EXPANDING.length)]);
        }
        return text.toString();
    }

    private static String jsonString(String value) {
        StringBuilder json = new StringBuilder("\"");
        value.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                json.append('\\').append((char) c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", c));
            } else {
                json.append((char) c);
            }
        });
        return json.append('"').toString();
    }

    private static String escaped(String value) {
        return jsonString(value);
    }
}
