package org.identityledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.identityledger.web.problem.Problem;
import org.identityledger.web.support.HttpAnswer;
import org.identityledger.web.support.IntegrationTest;
import org.identityledger.web.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/API.md is the contract in prose; /v3/api-docs is the contract the running service states.
 * Its route table and its problem-code table are read here and held against the live description,
 * so neither can change without the other. Every failure names the row and what drifted.
 */
class ApiDocumentationTest extends IntegrationTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Path API_DOCUMENT = DOCS.resolve("API.md");
    private static final List<String> ROUTE_COLUMNS = List.of("method", "path", "success", "authentication");
    private static final List<String> CODE_COLUMNS = List.of("code", "status", "meaning", "routes");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    /** The words of the authentication column, and the description's security scheme each one names. */
    private static final Map<String, String> SCHEME_WORDS = Map.of(
            "session cookie", "sessionCookie", "CSRF header", "csrfHeader", "bearer token", "bearerToken");
    private static final String EVERY_ROUTE = "every route";
    private static final String EVERY_BROWSER_WRITE = "every browser write";

    private Map<String, Operation> described;

    @BeforeEach
    void readTheLiveDescription() {
        described = operationsOf(browser().get("/v3/api-docs").json());
    }

    @Test
    void everyDocumentedRouteIsDescribedWithTheSameSuccessStatusAndAuthentication() {
        List<String> drift = new ArrayList<>();
        for (List<String> row : table(ROUTE_COLUMNS)) {
            String route = row.get(0) + " " + row.get(1);
            Operation operation = described.get(route);
            if (operation == null) {
                drift.add(route + " is in docs/API.md but not in /v3/api-docs");
                continue;
            }
            if (!row.get(2).equals(Integer.toString(operation.success()))) {
                drift.add(route + ": docs/API.md says success " + row.get(2) + ", /v3/api-docs says " + operation.success());
            }
            Set<Set<String>> documented = authentication(route, row.get(3), drift);
            if (documented != null && !documented.equals(operation.security())) {
                drift.add(route + ": docs/API.md says authentication '" + row.get(3) + "' " + documented
                        + ", /v3/api-docs says " + operation.security());
            }
        }
        assertThat(drift).as("route table of docs/API.md against /v3/api-docs").isEmpty();
    }

    @Test
    void everyDescribedRouteIsInTheRouteTable() {
        Set<String> documented = table(ROUTE_COLUMNS).stream().map(row -> row.get(0) + " " + row.get(1))
                .collect(Collectors.toSet());
        List<String> missing = described.keySet().stream().filter(route -> !documented.contains(route))
                .map(route -> route + " is in /v3/api-docs but not in the route table of docs/API.md").toList();
        assertThat(missing).isEmpty();
    }

    @Test
    void everyProblemCodeOfTheDescriptionIsInTheCodeTableWithItsStatusAndRoute() {
        Map<String, Set<String>> rows = codeRows(new ArrayList<>());
        List<String> drift = new ArrayList<>();
        described.forEach((route, operation) -> operation.problems().forEach((status, codes) -> codes.forEach(code -> {
            Set<String> routes = rows.get(code + " " + status);
            if (routes == null) {
                drift.add(route + " answers " + status + " " + code + " in /v3/api-docs; the code table of docs/API.md"
                        + (rows.keySet().stream().anyMatch(key -> key.startsWith(code + " "))
                        ? " has " + code + " only with status " + statusesOf(code, rows) : " has no " + code));
            } else if (!routes.contains(route)) {
                drift.add("code table row " + code + " " + status + " does not name " + route
                        + ", which answers it in /v3/api-docs");
            }
        })));
        assertThat(drift).as("problem codes of /v3/api-docs against the code table of docs/API.md").isEmpty();
    }

    @Test
    void everyCodeOfTheCodeTableIsAnsweredByTheRoutesItNamesOrByEveryRoute() {
        Set<String> generic = genericProblems();
        List<String> drift = new ArrayList<>();
        Map<String, Set<String>> rows = codeRows(drift);
        rows.forEach((codeAndStatus, routes) -> {
            if (generic.contains(codeAndStatus)) {
                return;
            }
            String[] parts = codeAndStatus.split(" ");
            int status = Integer.parseInt(parts[1]);
            List<String> answering = described.entrySet().stream()
                    .filter(entry -> entry.getValue().problems().getOrDefault(status, Set.of()).contains(parts[0]))
                    .map(Map.Entry::getKey).toList();
            if (answering.isEmpty()) {
                String anyRoute = generic.stream().filter(key -> key.startsWith(parts[0] + " "))
                        .map(key -> key.split(" ")[1]).collect(Collectors.joining(", "));
                drift.add("code table row " + codeAndStatus + ": no route of /v3/api-docs answers it, and "
                        + (anyRoute.isEmpty() ? parts[0] + " is no route-independent problem either"
                        : "on any route the service answers " + parts[0] + " only with status " + anyRoute));
                return;
            }
            routes.stream().filter(route -> !answering.contains(route)).forEach(route -> drift.add("code table row "
                    + codeAndStatus + " names " + route + ", which does not answer it in /v3/api-docs"));
        });
        Set<String> documentedCodes = rows.keySet().stream().map(key -> key.split(" ")[0]).collect(Collectors.toSet());
        generic.stream().map(key -> key.split(" ")[0]).distinct().filter(code -> !documentedCodes.contains(code))
                .forEach(code -> drift.add("the service answers " + code + " on any route, the code table of"
                        + " docs/API.md does not list it"));
        assertThat(drift).as("code table of docs/API.md against /v3/api-docs").isEmpty();
    }

    @Test
    void theDocumentsLinkOnlyToFilesInTheRepository() throws IOException {
        Path repository = DOCS.toAbsolutePath().normalize().getParent();
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        List<String> broken = new ArrayList<>();
        try (var documents = Files.list(DOCS)) {
            for (Path document : documents.filter(file -> file.toString().endsWith(".md")).toList()) {
                Matcher matcher = link.matcher(Files.readString(document));
                while (matcher.find()) {
                    String target = matcher.group(1);
                    if (target.matches("[a-z]+:.*")) {
                        continue;
                    }
                    Path resolved = document.toAbsolutePath().getParent().resolve(target).normalize();
                    if (!resolved.startsWith(repository) || !Files.exists(resolved)) {
                        broken.add(document.getFileName() + " links to " + target + ", which is not a file of the repository");
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** "session cookie + CSRF header or bearer token" as the description's security: alternatives of schemes. */
    private static Set<Set<String>> authentication(String route, String cell, List<String> drift) {
        if (cell.equals("none")) {
            return Set.of();
        }
        Set<Set<String>> alternatives = new LinkedHashSet<>();
        for (String alternative : cell.split(" or ")) {
            Set<String> schemes = new TreeSet<>();
            for (String word : alternative.split(" \\+ ")) {
                String scheme = SCHEME_WORDS.get(word.strip());
                if (scheme == null) {
                    drift.add(route + ": '" + word.strip() + "' is not an authentication word; use none or "
                            + SCHEME_WORDS.keySet() + " joined by ' + ' and ' or '");
                    return null;
                }
                schemes.add(scheme);
            }
            alternatives.add(schemes);
        }
        return alternatives;
    }

    /** "CODE status" of each row of the code table, with the routes its routes column names. */
    private Map<String, Set<String>> codeRows(List<String> drift) {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (List<String> row : table(CODE_COLUMNS)) {
            Set<String> routes = new LinkedHashSet<>();
            for (String named : row.get(3).split(",")) {
                String route = named.strip();
                if (route.equals(EVERY_ROUTE)) {
                    routes.addAll(described.keySet());
                } else if (route.equals(EVERY_BROWSER_WRITE)) {
                    described.forEach((key, operation) -> {
                        if (operation.security().stream().anyMatch(schemes -> schemes.contains("csrfHeader"))) {
                            routes.add(key);
                        }
                    });
                } else if (described.containsKey(route)) {
                    routes.add(route);
                } else {
                    drift.add("code table row " + row.get(0) + " " + row.get(1) + " names '" + route
                            + "', which is not a route of /v3/api-docs (nor '" + EVERY_ROUTE + "' or '" + EVERY_BROWSER_WRITE + "')");
                }
            }
            rows.put(row.get(0) + " " + row.get(1), routes);
        }
        return rows;
    }

    /**
     * The problems any request may get whatever its route, as "CODE status": what the error
     * controller answers for each error status the container raises, and what routing itself answers
     * (asked live, so the codes come from the service, not from this test).
     */
    private Set<String> genericProblems() {
        Set<String> generic = new TreeSet<>();
        Arrays.stream(HttpStatus.values()).filter(HttpStatus::isError).map(status -> Problem.forStatus(status.value()))
                .forEach(problem -> generic.add(problem.getProperties().get("code") + " " + problem.getStatus()));
        List<HttpAnswer> routingRefusals = List.of(
                RawHttp.send(port, "GET", "/v1/no-such-route", Map.of(), null),
                RawHttp.send(port, "DELETE", "/v1/auth/csrf", Map.of(), null),
                RawHttp.send(port, "GET", "/v1/auth/csrf", Map.of("Accept", "application/xml"), null));
        routingRefusals.forEach(answer -> generic.add(answer.json().path("code").asText() + " " + answer.status()));
        return generic;
    }

    private static String statusesOf(String code, Map<String, Set<String>> rows) {
        return rows.keySet().stream().filter(key -> key.startsWith(code + " ")).map(key -> key.split(" ")[1])
                .collect(Collectors.joining(", "));
    }

    /** The rows of the one table in docs/API.md whose header has exactly these columns, cells without backticks. */
    private static List<List<String>> table(List<String> columns) {
        List<String> lines;
        try {
            lines = Files.readAllLines(API_DOCUMENT);
        } catch (IOException unreadable) {
            throw new AssertionError("docs/API.md cannot be read from " + API_DOCUMENT.toAbsolutePath(), unreadable);
        }
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            List<String> cells = cells(line);
            if (!inTable) {
                inTable = cells.stream().map(String::toLowerCase).toList().equals(columns);
            } else if (!cells.stream().allMatch(cell -> cell.matches("-+"))) {
                assertThat(cells).as("row of the %s table in docs/API.md: %s", columns, line).hasSize(columns.size());
                rows.add(cells);
            }
        }
        assertThat(rows).as("docs/API.md has a table with the columns %s", columns).isNotEmpty();
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip().substring(1, line.strip().length() - (line.strip().endsWith("|") ? 1 : 0));
        return Arrays.stream(inner.split("\\|", -1)).map(cell -> cell.replace("`", "").strip()).toList();
    }

    /** Every /v1/ and /.well-known/ operation of the live description, as "METHOD path". */
    private static Map<String, Operation> operationsOf(JsonNode api) {
        Map<String, Operation> operations = new TreeMap<>();
        api.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/v1/") && !path.getKey().startsWith("/.well-known/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method.getKey())) {
                    operations.put(method.getKey().toUpperCase() + " " + path.getKey(), Operation.of(method.getValue()));
                }
            });
        });
        return operations;
    }

    record Operation(int success, Map<Integer, Set<String>> problems, Set<Set<String>> security) {

        static Operation of(JsonNode operation) {
            List<Integer> successes = new ArrayList<>();
            Map<Integer, Set<String>> problems = new TreeMap<>();
            operation.path("responses").fields().forEachRemaining(response -> {
                int status = Integer.parseInt(response.getKey());
                if (status < 300) {
                    successes.add(status);
                } else {
                    Set<String> codes = new TreeSet<>();
                    response.getValue().path("content").path("application/problem+json").findValues("code")
                            .forEach(code -> code.path("enum").forEach(value -> codes.add(value.asText())));
                    problems.put(status, codes);
                }
            });
            assertThat(successes).as("one success status per operation: %s", operation.path("operationId")).hasSize(1);
            Set<Set<String>> security = new LinkedHashSet<>();
            operation.path("security").forEach(requirement -> {
                Set<String> schemes = new TreeSet<>();
                requirement.fieldNames().forEachRemaining(schemes::add);
                security.add(schemes);
            });
            return new Operation(successes.get(0), problems, security);
        }
    }
}
