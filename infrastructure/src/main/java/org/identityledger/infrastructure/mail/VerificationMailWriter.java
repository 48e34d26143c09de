package org.identityledger.infrastructure.mail;

import org.identityledger.command.account.VerificationMail;
import org.identityledger.command.account.VerificationMailOutbox;
import org.identityledger.infrastructure.config.PublicLinks;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Composes the verification email and queues it in the outbox, in the caller's transaction. */
@Component
class VerificationMailWriter implements VerificationMailOutbox {

    private final MailOutbox outbox;
    private final PublicLinks links;
    private final MailSettings settings;
    private final Clock clock;

    VerificationMailWriter(MailOutbox outbox, PublicLinks links, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void enqueue(VerificationMail mail) {
        String link = links.page("/auth/verify-email", mail.rawToken(), mail.link().nextPath(), mail.link().returnTarget());
        Instant expiry = mail.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        String greeting = mail.displayName() == null ? "Hello," : "Hello " + mail.displayName() + ",";
        String text = greeting + "\n\n"
                + "please confirm your email address by opening this link:\n\n"
                + link + "\n\n"
                + "The link works once and expires at " + expiry + ".\n"
                + "If you did not sign up, ignore this message.\n";
        String html = "<!DOCTYPE html><html><body>"
                + "<p>" + Html.escape(greeting) + "</p>"
                + "<p>Please confirm your email address:</p>"
                + "<p><a href=\"" + Html.escape(link) + "\">Verify my email address</a></p>"
                + "<p>The link works once and expires at " + expiry + ".<br>"
                + "If you did not sign up, ignore this message.</p>"
                + "</body></html>";
        outbox.add(mail.email(), "Verify your email address", text, html,
                settings.logLinks() ? link : null, clock.instant());
    }
}
