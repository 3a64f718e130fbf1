package io.nianbao.notify;

import io.nianbao.events.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.util.StreamProvider;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;

/**
 * Mails a notification as plain text and HTML ({@link MailText}). A mail server that refuses throws,
 * so the event is retried.
 */
public class EmailChannel implements NotificationChannel {

    static final String NOTIFICATION_ID_HEADER = "X-Nianbao-Notification-Id";
    /** Angus Mail's StreamProvider (a runtime dependency of spring-boot-starter-mail). */
    static final String MAIL_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail looks its StreamProvider up for every body part, through the ServiceLoader
        // unless this property names it: a third of notify-service's CPU under load went to scanning
        // the nested jars of the executable jar for service files (profiled with JFR).
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MAIL_STREAM_PROVIDER);
        }
    }

    private final SmtpConnections smtp;
    private final String from;
    private final String inboxUrl;

    public EmailChannel(SmtpConnections smtp, NotifyProperties properties) {
        this.smtp = smtp;
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
            MimeMessage mail = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mail, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(notification.target().address());
            helper.setSubject(MailText.subject(notification));
            helper.setText(MailText.plainText(notification, inboxUrl), MailText.html(notification, inboxUrl));
            mail.setHeader(NOTIFICATION_ID_HEADER, notification.id());
            smtp.send(mail);
            return Outcome.DELIVERED;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot mail notification " + notification.id() + " to "
                    + notification.target().address() + ": " + e.getMessage(), e);
        }
    }
}
