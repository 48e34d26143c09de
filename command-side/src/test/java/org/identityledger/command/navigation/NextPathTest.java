package org.identityledger.command.navigation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NextPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/welcome", "/app/settings?tab=security", "/a/b#section", "/search?q=a%20b",
            "/caf%C3%A9", "/path-with-dash_and_underscore", "/ünïcödé"})
    void keepsSameSiteRelativePaths(String path) {
        assertThat(NextPath.sanitize(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            // protocol-relative and absolute
            "//evil.example", "///evil.example", "////evil.example", "https://evil.example", "http://evil.example/x",
            "HTTPS://evil.example", "ftp://evil.example", "evil.example", "welcome", ".", "./welcome", "../welcome",
            // backslashes, which browsers treat as slashes
            "/\\evil.example", "\\\\evil.example", "\\/evil.example", "/\\/evil.example", "/%5Cevil.example",
            "%5C%5Cevil.example",
            // encoded slashes and double encoding
            "%2F%2Fevil.example", "/%2Fevil.example", "%2f%2fevil.example", "/%252Fevil.example",
            "%252F%252Fevil.example", "/%25252F%25252Fevil.example",
            // control characters and whitespace tricks
            "/\tevil", "/\nevil", "/\r\nLocation: https://evil.example", "/%0d%0aSet-Cookie:x=y", "/%00", "/\u0000",
            " /welcome", "/%09/evil.example", "/\u200B/evil.example", "/\u202Eevil",
            // schemes
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "/javascript:alert(1)", "data:text/html,<script>",
            "vbscript:msgbox", "%6A%61%76%61%73%63%72%69%70%74:alert(1)",
            // userinfo tricks
            "/@evil.example", "//user@evil.example", "/%40evil.example", "https://good.example@evil.example",
            // malformed encodings
            "/%", "/%zz", "/%E0%A4%A",
    })
    void turnsEverythingElseIntoRoot(String hostile) {
        assertThat(NextPath.sanitize(hostile)).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(ints = {513, 1000, 10_000})
    void refusesOverlongPaths(int length) {
        assertThat(NextPath.sanitize("/" + "a".repeat(length - 1))).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 100, 512})
    void keepsPathsUpToTheLimit(int length) {
        String path = "/" + "a".repeat(length - 1);
        assertThat(NextPath.sanitize(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.//evil.example", "/a/..//evil.example", "/;//evil.example", "/..//evil.example",
            "/%2e//evil.example", "/%2E//evil.example", "/a/%2e%2e//evil.example", "/a/%2E%2e//evil.example",
            "/%252e//evil.example", "/.%2F/evil.example", "/%2e%2f%2fevil.example", "/;x=1//evil.example",
            "/.;//evil.example", "/a/..;//evil.example", "/a/b/../..//evil.example", "/././/evil.example",
            "/a/.././/evil.example", "/.//evil.example/path?q=1", "/%3b//evil.example"})
    void pathsThatNormaliseToAnotherHostBecomeRoot(String hostile) {
        assertThat(NextPath.sanitize(hostile)).isEqualTo("/");
    }

    @ParameterizedTest
    @MethodSource("dotSegmentFamily")
    void noDotSegmentSpellingOfAProtocolRelativePathSurvives(String hostile) {
        assertThat(NextPath.sanitize(hostile)).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/../welcome", "/app/./settings", "/a//b", "/search?q=..//x", "/a/b/..", "/x;y"})
    void keepsHarmlessDotSegmentsThatStayOnTheSite(String path) {
        assertThat(NextPath.sanitize(path)).isEqualTo(path);
    }

    /** Every way we generate of writing "/" + dot segments + "/" + host, in plain and encoded forms. */
    static List<String> dotSegmentFamily() {
        String[] dots = {".", "..", "%2e", "%2E", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%252e", ".;", "..;x", ";", ";a=b"};
        String[] prefixes = {"", "/a", "/a/b", "/a/./b"};
        String[] separators = {"/", "%2f", "%2F", "%252f"};
        String[] hosts = {"/evil.example", "%2fevil.example", "/evil.example/x?y=1"};
        List<String> family = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String dot : dots) {
                for (String separator : separators) {
                    for (String host : hosts) {
                        String climb = prefix.isEmpty() ? "" : "/..".repeat(prefix.split("/").length - 1);
                        family.add(prefix + climb + "/" + dot + separator + host);
                    }
                }
            }
        }
        return family;
    }
}
