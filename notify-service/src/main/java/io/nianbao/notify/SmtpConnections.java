package io.nianbao.notify;

import io.nianbao.service.Outages;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends mails over one SMTP connection per sending thread, kept open between mails. A connection
 * per mail (what {@link JavaMailSenderImpl#send} does) spent more time in connect, EHLO and QUIT
 * than in sending: a third of notify-service's waiting under load (JFR). A connection the server
 * has closed in the meantime fails the next send, which is then made once more on a new one.
 */
final class SmtpConnections implements DisposableBean {

    private final JavaMailSenderImpl settings;
    private final ThreadLocal<Transport> threadConnection = new ThreadLocal<>();
    private final Set<Transport> open = ConcurrentHashMap.newKeySet();

    SmtpConnections(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    MimeMessage createMimeMessage() {
        return settings.createMimeMessage();
    }

    void send(MimeMessage mail) throws MessagingException {
        // What JavaMailSenderImpl does before sending, keeping a Message-ID set by the caller.
        if (mail.getSentDate() == null) {
            mail.setSentDate(new Date());
        }
        String messageId = mail.getMessageID();
        mail.saveChanges();
        if (messageId != null) {
            mail.setHeader("Message-ID", messageId);
        }
        Transport kept = threadConnection.get();
        if (kept != null) {
            try {
                kept.sendMessage(mail, mail.getAllRecipients());
                return;
            } catch (MessagingException closedOrRefused) {
                discard(kept);
            }
        }
        Transport fresh = connect();
        try {
            fresh.sendMessage(mail, mail.getAllRecipients());
        } catch (MessagingException e) {
            discard(fresh);
            throw endedByTheServer(e) ? new MailServerAway(settings.getHost() + ":" + settings.getPort(), e) : e;
        }
    }

    /**
     * The server ended the connection in the middle of the exchange (going down): there is no reply
     * to the command, which Angus Mail reports as a send failure whose reply reads "[EOF]" (its
     * reply code is not in the Jakarta Mail API). A mail refused by the server comes with the
     * server's reply, and is the mail's own failure.
     */
    private static boolean endedByTheServer(MessagingException failure) {
        return failure instanceof SendFailedException && failure.getMessage() != null
                && failure.getMessage().strip().equals("[EOF]");
    }

    /**
     * A new connection. Failing to connect, to be greeted or to log in says nothing of the mail: the
     * server is away (refusing, closing the connection as it restarts), so the mail waits for it.
     */
    private Transport connect() throws MessagingException {
        Transport transport = settings.getSession().getTransport(settings.getProtocol());
        try {
            transport.connect(settings.getHost(), settings.getPort(), emptyToNull(settings.getUsername()),
                    emptyToNull(settings.getPassword()));
        } catch (MessagingException e) {
            throw new MailServerAway(settings.getHost() + ":" + settings.getPort(), e);
        }
        threadConnection.set(transport);
        open.add(transport);
        return transport;
    }

    private void discard(Transport transport) {
        threadConnection.remove();
        open.remove(transport);
        closeQuietly(transport);
    }

    private static String emptyToNull(String value) {
        return StringUtils.hasLength(value) ? value : null;
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException alreadyGone) {
            // Nothing to release.
        }
    }

    /** The mail server could not be connected to, did not greet, refused the login, or ended the exchange. */
    static final class MailServerAway extends MessagingException implements Outages.DependencyAway {
        MailServerAway(String server, MessagingException cause) {
            super("mail server " + server + " unavailable: " + cause.getMessage(), cause);
        }
    }

    /** After the consumers have stopped: QUIT on every connection still open. */
    @Override
    public void destroy() {
        open.forEach(SmtpConnections::closeQuietly);
        open.clear();
    }
}
