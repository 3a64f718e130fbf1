package io.nianbao.notify;

import io.nianbao.events.Channel;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;

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
    public Outcome deliver(Notification notification, int attempt) {
        try {
            smtp.send(compose(notification));
            return Outcome.DELIVERED;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot mail notification " + notification.id() + " to "
                    + notification.target().address() + ": " + e.getMessage(), e);
        }
    }

    /** The mail: the plain text and the HTML as alternatives, and the notification id in a header. */
    MimeMessage compose(Notification notification) throws MessagingException {
        MimeMessage mail = smtp.createMimeMessage();
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(notification.target().address()));
        mail.setSubject(MailText.subject(notification), StandardCharsets.UTF_8.name());
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(textPart(MailText.plainText(notification, inboxUrl), "plain"));
        alternatives.addBodyPart(textPart(MailText.html(notification, inboxUrl), "html"));
        mail.setContent(alternatives);
        mail.setHeader(NOTIFICATION_ID_HEADER, notification.id());
        return mail;
    }

    /**
     * A UTF-8 text part in base64, named up front: left to choose, Jakarta Mail writes the text once
     * more to find an encoding, and picks quoted-printable, which triples Chinese text.
     */
    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, StandardCharsets.UTF_8.name(), subtype);
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }
}
