package io.nianbao.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

/**
 * An in-process SMTP server on 127.0.0.1 (free port) that keeps every mail it receives, also
 * across {@link #refuseConnectionsFor an outage}.
 */
public final class MailCatcher implements AutoCloseable {

    /**
     * A received mail, decoded: subject and text as Unicode strings, recipients as in To and Cc.
     *
     * @param headers the MIME headers (a header given twice: its first value)
     */
    public record Mail(String subject, List<String> recipients, String text, Map<String, String> headers) {
    }

    private static final String HOST = "127.0.0.1";

    static {
        // GreenMail parses every mail it receives, and Jakarta Mail then looks its StreamProvider up
        // through the ServiceLoader for every body part unless this property names it: 40% of the
        // bench's CPU (JFR), taken from the pipeline it measures. notify-service's EmailChannel
        // names it for its own sending the same way.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final int port;
    /** What earlier lives of the server received: a stopped GreenMail forgets its mails. */
    private final List<MimeMessage> beforeOutages = new ArrayList<>();
    private GreenMail greenMail;

    private MailCatcher(GreenMail greenMail) {
        this.greenMail = greenMail;
        this.port = greenMail.getSmtp().getPort();
    }

    public static MailCatcher start() {
        return new MailCatcher(started(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort()));
    }

    private static GreenMail started(ServerSetup setup) {
        GreenMail greenMail = new GreenMail(setup);
        greenMail.start();
        return greenMail;
    }

    public String host() {
        return HOST;
    }

    public int smtpPort() {
        return port;
    }

    /**
     * A mail server outage: closes the SMTP port (connections are refused), waits {@code outage},
     * and listens on the same port again. Mails received before are kept.
     */
    public void refuseConnectionsFor(Duration outage) throws InterruptedException {
        synchronized (this) {
            beforeOutages.addAll(List.of(greenMail.getReceivedMessages()));
            greenMail.stop();
        }
        Thread.sleep(outage);
        synchronized (this) {
            greenMail = started(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        }
    }

    /**
     * Mails received so far, oldest first. GreenMail stores one copy per recipient mailbox; copies
     * of one message (same Message-ID) are returned once.
     */
    public List<Mail> receivedMessages() {
        Map<String, Mail> byMessageId = new LinkedHashMap<>();
        List<MimeMessage> messages = new ArrayList<>();
        synchronized (this) {
            messages.addAll(beforeOutages);
            messages.addAll(List.of(greenMail.getReceivedMessages()));
        }
        for (int i = 0; i < messages.size(); i++) {
            try {
                // A mail sent without Message-ID cannot be matched to its copies: keep each one.
                String key = Objects.requireNonNullElse(messages.get(i).getMessageID(), "#" + i);
                byMessageId.putIfAbsent(key, decode(messages.get(i)));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("cannot decode a received mail", e);
            }
        }
        return List.copyOf(byMessageId.values());
    }

    /** Waits until at least {@code count} mails arrived; throws if they do not within the timeout. */
    public List<Mail> waitForMessages(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Mail> mails = receivedMessages();
        while (mails.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("expected " + count + " mail(s) within " + timeout
                        + ", received " + mails.size() + ": " + mails);
            }
            Thread.sleep(50);
            mails = receivedMessages();
        }
        return mails;
    }

    /** Forgets all mails received so far. */
    public synchronized void clear() {
        beforeOutages.clear();
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("cannot purge the received mails", e);
        }
    }

    @Override
    public synchronized void close() {
        greenMail.stop();
    }

    private static Mail decode(MimeMessage message) throws MessagingException, IOException {
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        Address[] cc = message.getRecipients(Message.RecipientType.CC);
        List<String> recipients = Stream.of(to, cc)
                .filter(Objects::nonNull)
                .flatMap(Arrays::stream)
                .map(Address::toString)
                .toList();
        String text = plainText(message);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        return new Mail(message.getSubject(), recipients, text == null ? "" : text, Map.copyOf(headers));
    }

    /** The first text/plain part, searched depth-first through multiparts; null if none. */
    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
