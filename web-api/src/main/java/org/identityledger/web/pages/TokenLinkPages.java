package org.identityledger.web.pages;

import org.identityledger.command.account.EmailAddress;
import org.identityledger.command.account.LinkTarget;
import org.identityledger.command.account.TokenInvalidException;
import org.identityledger.command.common.DomainException;
import org.identityledger.command.common.Secrets;
import org.identityledger.command.port.BackgroundWork;
import org.identityledger.infrastructure.config.IdentityProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every page a one-time link lands on does alike, written once: the landing (GET never consumes
 * the token; it shows a form, and with return_target=ios the app handoff link), the answer to a
 * refused token (with a form to request a new link), the success page, and that request form's
 * handling (202 whatever the address, the work off the request thread). The verify-email and
 * reset-password pages differ only in their texts, their form and the service they call.
 */
@Component
class TokenLinkPages {

    /** One page family: where it lives and how it words itself. */
    record Family(String path, String requestPath, String appRoute, String appLinkText) {
    }

    private final BackgroundWork background;
    private final IdentityProperties properties;

    TokenLinkPages(BackgroundWork background, IdentityProperties properties) {
        this.background = background;
        this.properties = properties;
    }

    ResponseEntity<String> landing(Family family, TokenLink link, String title, String form) {
        String token = link.token();
        String nextPath = link.nextPath();
        boolean ios = link.ios();
        if (token == null || token.isBlank()) {
            return PageHtml.page(400, "This link is incomplete", PageHtml.requestNewLinkForm(family.requestPath(), nextPath, ios));
        }
        StringBuilder body = new StringBuilder(form);
        if (ios) {
            body.append("<p class=\"note\">Or continue in the app:</p>")
                    .append(PageHtml.link(PageHtml.appLink(properties.getNative(), family.appRoute(), token, nextPath),
                            family.appLinkText()));
        }
        return PageHtml.page(200, title, body.toString());
    }

    /**
     * Consumes the link's token with {@code redemption} (a token not even shaped like one is refused
     * before any lookup); a refusal the page itself can answer, such as a refused new password, is
     * {@code ownAnswer}'s to give, any other gets the family's refusal page with a new-link form.
     */
    ResponseEntity<String> redeem(Family family, TokenLink link, Consumer<String> redemption,
                                  Function<DomainException, Optional<ResponseEntity<String>>> ownAnswer,
                                  String doneTitle, String doneMessage) {
        try {
            if (!Secrets.isWellFormed(link.token())) {
                throw new TokenInvalidException();
            }
            redemption.accept(link.token());
        } catch (DomainException refused) {
            return ownAnswer.apply(refused).orElseGet(() -> PageHtml.page(Pages.statusOf(refused.code()),
                    Pages.titleOf(refused.code()), "<p>" + PageHtml.escape(refused.getMessage()) + "</p>"
                            + PageHtml.requestNewLinkForm(family.requestPath(), link.nextPath(), link.ios())));
        }
        return done(doneTitle, doneMessage, link.nextPath(), link.ios());
    }

    private ResponseEntity<String> done(String title, String message, String nextPath, boolean ios) {
        StringBuilder body = new StringBuilder("<p>").append(PageHtml.escape(message)).append("</p>");
        if (ios) {
            body.append(PageHtml.link(PageHtml.appLoginLink(properties.getNative(), nextPath), "Continue in the app"));
        }
        body.append(PageHtml.link(nextPath, "Continue"));
        return PageHtml.page(200, title, body.toString());
    }

    /**
     * The "send me a new link" form: a valid address passes its abuse limit and the work runs off the
     * request thread, so neither the answer nor its timing tells whether the address has an account.
     */
    ResponseEntity<String> requestNewLink(Family family, String email, TokenLink from,
                                          Consumer<String> abuseLimit, BiConsumer<String, LinkTarget> work,
                                          String acceptedMessage) {
        String nextPath = from.nextPath();
        boolean ios = from.ios();
        if (email == null || !EmailAddress.isValid(email.strip())) {
            return PageHtml.page(400, "Request a new link", "<p>Please enter a valid email address.</p>"
                    + PageHtml.requestNewLinkForm(family.requestPath(), nextPath, ios));
        }
        String address = email.strip();
        abuseLimit.accept(address);
        LinkTarget link = new LinkTarget(nextPath, ios ? PageHtml.IOS : null);
        background.submit(() -> work.accept(address, link));
        return PageHtml.page(202, "Check your inbox", "<p>" + PageHtml.escape(acceptedMessage) + "</p>");
    }
}
