package org.identityledger.web.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** Route decisions follow the router, whatever spelling of the path arrived. */
class RequestsTest {

    private static MockHttpServletRequest arriving(String rawPath) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", rawPath);
        request.setRequestURI(rawPath);
        return request;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/auth/native/login", "/v1;/auth/native/login", "/v1/auth/%6Eative/refresh",
            "/v1/auth/native;x=1/logout", "/%761/auth/native/login", "/v1/auth/nat%69ve/login"})
    void beforeRoutingANativeRouteIsRecognisedInEverySpellingTheRouterAccepts(String rawPath) {
        assertThat(Requests.isNativeRoute(arriving(rawPath))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/auth/login", "/v1/auth/nativex/login", "/v1/auth/native", "/x/v1/auth/native/login"})
    void beforeRoutingOtherRoutesAreNotNative(String rawPath) {
        assertThat(Requests.isNativeRoute(arriving(rawPath))).isFalse();
    }

    @Test
    void afterRoutingTheMatchedPatternDecidesNotTheRawAddress() {
        MockHttpServletRequest routedToLogin = arriving("/v1/auth/native/../login");
        routedToLogin.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/v1/auth/login");
        MockHttpServletRequest routedToNative = arriving("/v1;/auth/native/login");
        routedToNative.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/v1/auth/native/login");

        assertThat(Requests.isNativeRoute(routedToLogin)).isFalse();
        assertThat(Requests.isNativeRoute(routedToNative)).isTrue();
        assertThat(Requests.isRoutedUnder(routedToLogin, "/v1/")).isTrue();
    }
}
