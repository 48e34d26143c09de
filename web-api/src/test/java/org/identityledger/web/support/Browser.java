package org.identityledger.web.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A browser-like client: its own cookie jar, and the CSRF header on every write once fetched. */
public final class Browser {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String csrfToken;
    private String bearerToken;
    private String forwardedFor;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Browser withCsrf() {
        HttpAnswer answer = get("/v1/auth/csrf");
        csrfToken = answer.text("csrf_token");
        return this;
    }

    /** Sends {@code Authorization: Bearer} on every request from now on (native and partner clients). */
    public Browser bearer(String accessToken) {
        this.bearerToken = accessToken;
        return this;
    }

    public HttpAnswer get(String path) {
        return send(authorized(HttpRequest.newBuilder(uri(path))).GET());
    }

    public HttpAnswer postJson(String path, String json) {
        return send(write(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpAnswer post(String path) {
        return send(write(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpAnswer postForm(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public HttpAnswer send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = write(path);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpAnswer sendBytes(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = write(path);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    public void forgetCookie(String name) {
        cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name)).toList()
                .forEach(cookie -> cookies.getCookieStore().remove(null, cookie));
    }

    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    private HttpRequest.Builder write(String path) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri(path)));
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return request;
    }

    /** Pretends to arrive through a proxy on behalf of this client address. */
    public Browser forwardedFor(String clientAddress) {
        this.forwardedFor = clientAddress;
        return this;
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return request;
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpAnswer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Sign-in renews the CSRF token and tells the client in this header; follow it like a browser app would.
            response.headers().firstValue("X-CSRF-Token").ifPresent(renewed -> csrfToken = renewed);
            return new HttpAnswer(response.statusCode(), response.headers(), response.body());
        } catch (IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
