package org.identityledger.infrastructure.mail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The embedded default's SMTP catcher (GreenMail), started only when no SMTP server is configured.
 * Port 0 (the default) takes a free port, so several instances can run on one host; the sender is
 * pointed at the port actually bound. A configured port that is taken ends the start with one line
 * (EmbeddedSmtpPortInUseException's failure report) rather than GreenMail's startup-timeout trace.
 *
 * <p>It keeps nothing: by itself GreenMail creates a user and a mailbox per recipient and keeps every
 * message in memory for ever (a sign-up flood grew the heap with it), and nobody reads them here
 * (links are logged or captured to files by the sender). Every message goes to one catch-all
 * mailbox, emptied before each delivery, so it holds at most the last message.
 */
@Component
class EmbeddedSmtpServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);
    private static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;

    EmbeddedSmtpServer(MailSettings settings) {
        if (settings.embeddedSmtp()) {
            int configured = settings.embeddedSmtpPort();
            if (configured > 0) {
                requireFree(configured);
            }
            ServerSetup setup = new ServerSetup(configured, HOST, ServerSetup.PROTOCOL_SMTP);
            greenMail = new GreenMail(configured > 0 ? setup : setup.dynamicPort());
            greenMail.start();
            keepNothing(greenMail);
            log.info("Embedded SMTP catcher listening on {}:{}", HOST, port());
        } else {
            greenMail = null;
        }
    }

    private static void keepNothing(GreenMail greenMail) {
        UserManager users = greenMail.getUserManager();
        GreenMailUser catchAll;
        try {
            catchAll = users.createUser("catch-all@localhost", "catch-all", "catch-all");
        } catch (UserException impossible) {
            throw new IllegalStateException("Cannot create the SMTP catcher's mailbox", impossible);
        }
        MailFolder inbox;
        try {
            inbox = greenMail.getManagers().getImapHostManager().getInbox(catchAll);
        } catch (FolderException impossible) {
            throw new IllegalStateException("Cannot open the SMTP catcher's mailbox", impossible);
        }
        // GreenMail's SMTP manager delivers one message at a time (SmtpManager.send is synchronized).
        users.setMessageDeliveryHandler((message, recipient) -> {
            inbox.deleteAllMessages();
            return catchAll;
        });
    }

    /** Messages the catcher holds now (at most one: see the class comment). */
    int heldMessages() {
        return greenMail.getReceivedMessages().length;
    }

    /** Mail users the catcher knows (one: the catch-all). */
    int users() {
        return greenMail.getUserManager().listUser().size();
    }

    boolean isRunning() {
        return greenMail != null;
    }

    /** The port the catcher is bound to (the configured one, or the free one it took). */
    int port() {
        return greenMail.getSmtp().getPort();
    }

    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            probe.setReuseAddress(true);
        } catch (BindException taken) {
            throw new EmbeddedSmtpPortInUseException(port);
        } catch (IOException other) {
            throw new IllegalStateException("Cannot check " + HOST + ":" + port + " for the embedded SMTP catcher", other);
        }
    }

    @Override
    public void destroy() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
