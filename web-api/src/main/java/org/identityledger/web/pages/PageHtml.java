package org.identityledger.web.pages;

import org.identityledger.infrastructure.config.IdentityProperties;
import org.identityledger.infrastructure.config.PublicLinks;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The service's own small pages: no JavaScript, no external resources, and a Content-Security-Policy
 * that allows exactly the one inline stylesheet (by hash), forms to this origin, and nothing else.
 */
final class PageHtml {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;"
            + "padding:0 1rem;line-height:1.5;color:#1a1a1a}button{font-size:1rem;padding:.5rem 1rem}"
            + "input{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}.note{color:#555}"
            + "body.wide{max-width:56rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;"
            + "padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}td form{display:inline}"
            + "td select,td button{font-size:.9rem;padding:.2rem .4rem}select{font-size:1rem;padding:.3rem}"
            + ".done{background:#eef7ee;padding:.5rem}.problem{background:#fbeaea;padding:.5rem}.code{color:#777;font-size:.85rem}"
            + "progress{width:10rem}";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private PageHtml() {
    }

    static ResponseEntity<String> page(int status, String title, String body) {
        return page(status, title, body, "");
    }

    /** A wider page for tables (the team page); same policy and headers. */
    static ResponseEntity<String> widePage(int status, String title, String body) {
        return page(status, title, body, " class=\"wide\"");
    }

    /**
     * A wide page that reloads itself every {@code seconds} (the Refresh header): live progress by
     * short polling without a line of script, so the strict policy stays as it is.
     */
    static ResponseEntity<String> refreshingWidePage(int status, String title, String body, int seconds) {
        ResponseEntity<String> page = widePage(status, title, body);
        return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders()).header("Refresh", String.valueOf(seconds))
                .body(page.getBody());
    }

    private static ResponseEntity<String> page(int status, String title, String body, String bodyAttributes) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head><body" + bodyAttributes + ">"
                + "<h1>" + escape(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                // Pages carry one-time tokens in their address; never leak it to another site.
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .body(html);
    }

    /** After a form post: see the result with GET (post/redirect/get), so a reload never posts twice. */
    static ResponseEntity<String> seeOther(String location) {
        return ResponseEntity.status(303).location(java.net.URI.create(location)).cacheControl(CacheControl.noStore()).build();
    }

    /** The CSRF field every session form carries; the value is the browser's own CSRF cookie. */
    static String csrfField(String csrfToken) {
        return hidden(org.identityledger.web.security.CsrfInterceptor.FORM_FIELD, csrfToken);
    }

    /** A form that posts just a button (sign out, remove, revoke), with its CSRF field. */
    static String buttonForm(String action, String csrfToken, String label) {
        return "<form method=\"post\" action=\"" + escape(action) + "\">" + csrfField(csrfToken)
                + "<button type=\"submit\">" + escape(label) + "</button></form>";
    }

    static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    static final String IOS = "ios";

    /** The iPhone handoff link that carries a one-time token: …/auth/{route}?token=…&next=…. */
    static String appLink(IdentityProperties.NativeApp app, String route, String token, String nextPath) {
        return appBase(app) + route + "?token=" + PublicLinks.encode(token) + "&next=" + PublicLinks.encode(nextPath);
    }

    /** The iPhone handoff link after success: …/auth/login?next=…. */
    static String appLoginLink(IdentityProperties.NativeApp app, String nextPath) {
        return appBase(app) + "login?next=" + PublicLinks.encode(nextPath);
    }

    /**
     * The universal link base when one is configured, else the custom scheme. A token handed to a
     * scheme can be claimed by any app that registers it (RFC 8252 §7.1); a universal link opens
     * only the app its domain names, so it wins whenever it is set.
     */
    private static String appBase(IdentityProperties.NativeApp app) {
        return app.getAppLinkBase() != null ? app.getAppLinkBase() + "/auth/" : app.getAppScheme() + "://auth/";
    }

    /** The opening of a form that posts a token link back to its page: the token, next and the app handoff, hidden. */
    static String tokenForm(String action, TokenLink link) {
        return "<form method=\"post\" action=\"" + action + "\">"
                + hidden("token", link.token() == null ? "" : link.token())
                + hidden("next", link.nextPath())
                + (link.ios() ? hidden("return_target", IOS) : "");
    }

    /** The way out of a dead link: ask for a new one, keeping where the person was going. */
    static String requestNewLinkForm(String action, String nextPath, boolean ios) {
        return "<form method=\"post\" action=\"" + action + "\">"
                + "<p><label>Email address <input type=\"email\" name=\"email\" required></label></p>"
                + hidden("next", nextPath)
                + (ios ? hidden("return_target", IOS) : "")
                + "<button type=\"submit\">Send me a new link</button></form>";
    }

    static String link(String href, String text) {
        return "<p><a href=\"" + escape(href) + "\">" + escape(text) + "</a></p>";
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
