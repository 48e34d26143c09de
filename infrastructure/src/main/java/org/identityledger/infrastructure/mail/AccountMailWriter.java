package org.identityledger.infrastructure.mail;

import org.identityledger.command.account.AccountMail;
import org.identityledger.command.account.AccountMailOutbox;
import org.identityledger.infrastructure.config.PublicLinks;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Composes account emails (text and HTML) and queues them in the outbox, in the caller's transaction. */
@Component
class AccountMailWriter implements AccountMailOutbox {

    private final MailOutbox outbox;
    private final PublicLinks links;
    private final MailSettings settings;
    private final Clock clock;

    AccountMailWriter(MailOutbox outbox, PublicLinks links, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void discardMailTo(String email) {
        if (email != null) {
            outbox.discardTo(email);
        }
    }

    @Override
    public void enqueue(AccountMail mail) {
        Template template = Template.of(mail.purpose(), mail.businessHandle());
        String greeting = mail.displayName() == null ? "Hello," : "Hello " + mail.displayName() + ",";
        if (!mail.hasLink()) {
            outbox.add(mail.email(), template.subject(), greeting + "\n\n" + template.instruction() + "\n\n"
                            + template.disclaimer() + "\n",
                    "<!DOCTYPE html><html><body><p>" + Html.escape(greeting) + "</p><p>"
                            + Html.escape(template.instruction()) + "</p><p>" + Html.escape(template.disclaimer())
                            + "</p></body></html>",
                    null, clock.instant());
            return;
        }
        String link = links.page(template.page(), mail.rawToken(), mail.link().nextPath(), mail.link().returnTarget());
        Instant expiry = mail.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        String text = greeting + "\n\n"
                + template.instruction() + "\n\n"
                + link + "\n\n"
                + "The link works once and expires at " + expiry + ".\n"
                + template.disclaimer() + "\n";
        String html = "<!DOCTYPE html><html><body>"
                + "<p>" + Html.escape(greeting) + "</p>"
                + "<p>" + Html.escape(template.instruction()) + "</p>"
                + "<p><a href=\"" + Html.escape(link) + "\">" + Html.escape(template.button()) + "</a></p>"
                + "<p>The link works once and expires at " + expiry + ".<br>"
                + Html.escape(template.disclaimer()) + "</p>"
                + "</body></html>";
        outbox.add(mail.email(), template.subject(), text, html, settings.logLinks() ? link : null, clock.instant());
    }

    private record Template(String page, String subject, String instruction, String button, String disclaimer) {

        static Template of(AccountMail.Purpose purpose, String businessHandle) {
            return switch (purpose) {
                case EMAIL_VERIFICATION -> new Template("/auth/verify-email", "Verify your email address",
                        "Please confirm your email address by opening this link:", "Verify my email address",
                        "If you did not sign up, ignore this message.");
                case PASSWORD_RESET -> new Template("/auth/reset-password", "Reset your password",
                        "Someone (hopefully you) asked to reset your password. Choose a new one here:",
                        "Choose a new password",
                        "If you did not ask for this, ignore this message; your password stays as it is.");
                case BUSINESS_INVITATION -> new Template("/auth/accept-invitation", "You are invited to join " + businessHandle,
                        "You have been invited to join the team of the business \"" + businessHandle
                                + "\". Sign in (or sign up with this address) and accept here:",
                        "Accept the invitation", "If you do not know why you received this, ignore this message.");
                case PASSWORD_CHANGED -> new Template(null, "Your password was changed",
                        "The password of your account was just changed, and every session was signed out.", null,
                        "If this was not you, reset your password at once and contact support.");
            };
        }
    }
}
