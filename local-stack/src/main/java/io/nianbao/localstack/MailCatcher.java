package io.nianbao.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** An in-process SMTP server on 127.0.0.1 (free port) that keeps every mail it receives. */
public final class MailCatcher implements AutoCloseable {

    /** A received mail, decoded: subject and text as Unicode strings, recipients as in To and Cc. */
    public record Mail(String subject, List<String> recipients, String text) {
    }

    private final GreenMail greenMail;

    private MailCatcher(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static MailCatcher start() {
        GreenMail greenMail = new GreenMail(
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return new MailCatcher(greenMail);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * Mails received so far, oldest first. GreenMail stores one copy per recipient mailbox; copies
     * of one message (same Message-ID) are returned once.
     */
    public List<Mail> receivedMessages() {
        Map<String, Mail> byMessageId = new LinkedHashMap<>();
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (int i = 0; i < messages.length; i++) {
            try {
                // A mail sent without Message-ID cannot be matched to its copies: keep each one.
                String key = Objects.requireNonNullElse(messages[i].getMessageID(), "#" + i);
                byMessageId.putIfAbsent(key, decode(messages[i]));
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
    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("cannot purge the received mails", e);
        }
    }

    @Override
    public void close() {
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
        return new Mail(message.getSubject(), recipients, text == null ? "" : text);
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
