package io.nianbao.notify;

import io.nianbao.events.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Mails a notification as plain text and HTML (template {@code mail/findings.html}, everything from
 * the report escaped). A mail server that refuses throws, so the event is retried.
 */
public class EmailChannel implements NotificationChannel {

    static final String NOTIFICATION_ID_HEADER = "X-Nianbao-Notification-Id";

    private final JavaMailSender mailSender;
    private final ITemplateEngine templates;
    private final String from;
    private final String inboxUrl;

    public EmailChannel(JavaMailSender mailSender, ITemplateEngine templates, NotifyProperties properties) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.from = properties.from();
        this.inboxUrl = properties.inboxUrl();
    }

    @Override
    public Channel kind() {
        return Channel.EMAIL;
    }

    @Override
    public Outcome deliver(Notification notification) {
        try {
            MimeMessage mail = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mail, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(notification.target().address());
            helper.setSubject(MailText.subject(notification));
            helper.setText(MailText.plainText(notification, inboxUrl), templates.process("mail/findings",
                    new Context(Locale.CHINA, Map.of("notification", notification, "inboxUrl", inboxUrl,
                            "subject", MailText.subject(notification)))));
            mail.setHeader(NOTIFICATION_ID_HEADER, notification.id());
            mailSender.send(mail);
            return Outcome.DELIVERED;
        } catch (MessagingException | MailException e) {
            throw new IllegalStateException("cannot mail notification " + notification.id() + " to "
                    + notification.target().address() + ": " + e.getMessage(), e);
        }
    }
}
