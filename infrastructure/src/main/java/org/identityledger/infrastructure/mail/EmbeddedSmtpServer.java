package org.identityledger.infrastructure.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The embedded default's SMTP catcher (GreenMail), started only when no SMTP server is configured. */
@Component
class EmbeddedSmtpServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

    private final GreenMail greenMail;

    EmbeddedSmtpServer(MailSettings settings) {
        if (settings.embeddedSmtp()) {
            greenMail = new GreenMail(new ServerSetup(settings.embeddedSmtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            log.info("Embedded SMTP catcher listening on 127.0.0.1:{}", settings.embeddedSmtpPort());
        } else {
            greenMail = null;
        }
    }

    boolean isRunning() {
        return greenMail != null;
    }

    @Override
    public void destroy() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
