package io.nianbao.notify;

import io.nianbao.localstack.FreePorts;
import io.nianbao.service.Outages;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

class EmailChannelTest {

    /** Should Angus rename its provider, Jakarta Mail would silently fall back to the slow ServiceLoader lookup. */
    @Test
    void namesAStreamProviderThatJakartaMailThenUsesWithoutTheServiceLoader() throws Exception {
        assertThat(StreamProvider.class.isAssignableFrom(Class.forName(EmailChannel.MAIL_STREAM_PROVIDER))).isTrue();

        Class.forName(EmailChannel.class.getName());

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(EmailChannel.MAIL_STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(EmailChannel.MAIL_STREAM_PROVIDER);
    }

    @Test
    void aMailHoldsThePlainTextAndTheHtmlAsBase64AlternativesAndTheNotificationId() throws Exception {
        JavaMailSenderImpl settings = new JavaMailSenderImpl();
        EmailChannel channel = new EmailChannel(new SmtpConnections(settings), new NotifyProperties("nianbao@example.org",
                List.of(), List.of(), "https://nianbao.example/inbox", null, List.of(), null, List.of(), null, List.of(), null, null, null));
        Notification notification = MailTextTest.sample();

        MimeMessage composed = channel.compose(notification);
        composed.saveChanges();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        composed.writeTo(wire);
        MimeMessage received = new MimeMessage(settings.getSession(), new ByteArrayInputStream(wire.toByteArray()));

        assertThat(received.getSubject()).isEqualTo("【年报核查】某县<人民政府>办公室 2024年度报告：发现2个问题");
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("inspector@example.org");
        assertThat(received.getHeader(EmailChannel.NOTIFICATION_ID_HEADER)).containsExactly(notification.id());
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart plain = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(plain.isMimeType("text/plain")).isTrue();
        assertThat(html.isMimeType("text/html")).isTrue();
        assertThat(plain.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        assertThat(html.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        assertThat((String) plain.getContent()).isEqualTo(MailText.plainText(notification, "https://nianbao.example/inbox"));
        assertThat((String) html.getContent()).isEqualTo(MailText.html(notification, "https://nianbao.example/inbox"));
        assertThat(new String(wire.toByteArray(), StandardCharsets.US_ASCII)).as("the bodies travel base64-encoded")
                .doesNotContain("T3-BALANCE");
    }

    /**
     * What Jakarta Mail throws when no mail server answers is an outage: the report waits for the
     * server (DeadLetters). A recipient it refuses outright is the report's own failure.
     */
    @Test
    void aMailServerThatRefusesConnectionsIsAnOutageAMalformedRecipientIsNot() throws IOException {
        EmailChannel channel = channelTo(FreePorts.loopback());
        Notification notification = MailTextTest.sample();
        Notification malformed = new Notification(notification.id(), Target.email("ops@nianbao..test"),
                notification.digest(), null, null, notification.reports());

        RuntimeException serverAway = catchRuntimeException(() -> channel.deliver(notification, 1));
        RuntimeException recipientRefused = catchRuntimeException(() -> channel.deliver(malformed, 1));

        assertThat(serverAway).hasMessageContaining("cannot mail notification");
        assertThat(Outages.isOutage(serverAway)).as("%s", serverAway).isTrue();
        assertThat(recipientRefused).hasMessageContaining("ops@nianbao..test");
        assertThat(Outages.isOutage(recipientRefused)).as("%s", recipientRefused).isFalse();
    }

    /**
     * A mail server going down closes connections before greeting them; the mail catcher of the
     * fault tests does the same. That is the server away too, not the mail's failure.
     */
    @Test
    void aMailServerThatClosesTheConnectionBeforeItsGreetingIsAnOutage() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread closer = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (Socket accepted = server.accept()) {
                        accepted.shutdownOutput();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            EmailChannel channel = channelTo(server.getLocalPort());

            RuntimeException noGreeting = catchRuntimeException(() -> channel.deliver(MailTextTest.sample(), 1));

            assertThat(noGreeting).hasMessageContaining("cannot mail notification");
            assertThat(Outages.isOutage(noGreeting)).as("%s", noGreeting).isTrue();
            server.close();
            closer.join();
        }
    }

    /**
     * A mail server going down in the middle of an exchange (here after the sender and recipient
     * were accepted, at DATA) ends the connection without a reply: the server away, not the mail.
     */
    @Test
    void aMailServerThatEndsTheConnectionInTheMiddleOfAMailIsAnOutage() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread smtp = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (Socket accepted = server.accept();
                         var in = new BufferedReader(new InputStreamReader(accepted.getInputStream(), StandardCharsets.US_ASCII));
                         var out = new PrintWriter(accepted.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                        out.print("220 localhost ESMTP\r\n");
                        out.flush();
                        for (String line = in.readLine(); line != null && !line.startsWith("DATA"); line = in.readLine()) {
                            out.print((line.startsWith("EHLO") ? "250 localhost" : "250 OK") + "\r\n");
                            out.flush();
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            EmailChannel channel = channelTo(server.getLocalPort());

            RuntimeException endedMidway = catchRuntimeException(() -> channel.deliver(MailTextTest.sample(), 1));

            assertThat(endedMidway).hasMessageContaining("cannot mail notification");
            assertThat(Outages.isOutage(endedMidway)).as("%s", endedMidway).isTrue();
            server.close();
            smtp.join();
        }
    }

    private static EmailChannel channelTo(int port) {
        JavaMailSenderImpl settings = new JavaMailSenderImpl();
        settings.setProtocol("smtp");
        settings.setHost("127.0.0.1");
        settings.setPort(port);
        return new EmailChannel(new SmtpConnections(settings), new NotifyProperties("nianbao@example.org",
                List.of(), List.of(), "https://nianbao.example/inbox", null, List.of(), null, List.of(), null, List.of(), null, null, null));
    }
}
