package org.identityledger.infrastructure.mail;

import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.nio.charset.StandardCharsets;

/**
 * SMTP: the configured server (spring.mail.*), or in the embedded default the GreenMail catcher on
 * the port it actually bound (identity.mail.embedded-smtp.port, a free one by default), so that mail
 * really travels over SMTP on a fresh machine.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
public class MailConfiguration {

    @Bean
    JavaMailSender javaMailSender(MailSettings settings, MailProperties mail, EmbeddedSmtpServer embeddedSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        if (embeddedSmtpServer.isRunning()) {
            sender.setHost("127.0.0.1");
            sender.setPort(embeddedSmtpServer.port());
        } else {
            sender.setHost(mail.getHost());
            if (mail.getPort() != null) {
                sender.setPort(mail.getPort());
            }
            sender.setUsername(mail.getUsername());
            sender.setPassword(mail.getPassword());
            sender.getJavaMailProperties().putAll(mail.getProperties());
        }
        // A hung SMTP server must not hold the outbox lock forever.
        sender.getJavaMailProperties().putIfAbsent("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().putIfAbsent("mail.smtp.timeout", "10000");
        sender.getJavaMailProperties().putIfAbsent("mail.smtp.writetimeout", "10000");
        return sender;
    }
}
