package org.identityledger.web.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** Reads what the service mailed to the test SMTP server. */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+/auth/verify-email\\?token=([A-Za-z0-9_-]{43})\\S*)");
    private static final Pattern RESET_LINK = Pattern.compile("(https?://\\S+/auth/reset-password\\?token=([A-Za-z0-9_-]{43})\\S*)");

    private final GreenMail smtp;

    public Mailbox(GreenMail smtp) {
        this.smtp = smtp;
    }

    public List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> recipientIs(message, address))
                .toList();
    }

    public MimeMessage awaitMessage(String address, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(address).size() >= count);
        return messagesTo(address).get(count - 1);
    }

    /**
     * The newest verification link among the first {@code count} or more mails to the address, waiting
     * for them to arrive. Newest by search, not by position: a mail retried after a transient SMTP
     * failure may arrive after one sent later.
     */
    public String awaitVerificationLink(String address, int count) {
        return newest(address, count, LINK, "verification").group(1);
    }

    public String awaitVerificationToken(String address, int count) {
        Matcher matcher = LINK.matcher(awaitVerificationLink(address, count));
        matcher.find();
        return matcher.group(2);
    }

    /** The newest reset link once at least {@code count} mails reached the address (see awaitVerificationLink). */
    public Matcher awaitResetLink(String address, int count) {
        return newest(address, count, RESET_LINK, "reset");
    }

    /** The token of the newest invitation link once at least {@code count} mails reached the address. */
    public String awaitInvitationToken(String address, int count) {
        return newest(address, count, INVITATION_LINK, "invitation").group(1);
    }

    private static final Pattern INVITATION_LINK = Pattern.compile("/auth/accept-invitation\\?token=([A-Za-z0-9_-]{43})");

    private Matcher newest(String address, int count, Pattern link, String kind) {
        awaitMessage(address, count);
        List<MimeMessage> messages = messagesTo(address);
        for (int i = messages.size() - 1; i >= 0; i--) {
            Matcher matcher = link.matcher(text(messages.get(i)));
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new AssertionError("no " + kind + " link in the " + messages.size() + " mails to " + address);
    }

    public static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    text.append(text(child));
                }
                return text.toString();
            }
            return "";
        } catch (Exception unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    public static boolean hasHtmlPart(Part part) {
        try {
            if (part.isMimeType("text/html")) {
                return true;
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (hasHtmlPart(multipart.getBodyPart(i))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (Exception unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    private static boolean recipientIs(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (Exception unreadable) {
            return false;
        }
    }
}
