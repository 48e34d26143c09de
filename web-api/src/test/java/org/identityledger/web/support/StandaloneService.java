package org.identityledger.web.support;

import com.icegreen.greenmail.util.GreenMail;
import org.identityledger.IdentityLedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a whole service instance in this JVM with its own arguments (for multi-instance and restart tests). */
public final class StandaloneService {

    private StandaloneService() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, GreenMail smtp, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--identity.data-dir=" + dataDir.toAbsolutePath(),
                "--identity.mail.embedded-smtp.enabled=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--identity.mail.poll-interval=100ms",
                "--identity.public-base-url=http://localhost:8080"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(IdentityLedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    public static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
