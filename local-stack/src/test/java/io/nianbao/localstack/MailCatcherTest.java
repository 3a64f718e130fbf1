package io.nianbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class MailCatcherTest {

    /** Should Angus rename its provider, parsing received mails would silently go back to the slow ServiceLoader lookup. */
    @Test
    void namesAStreamProviderThatJakartaMailThenUsesWithoutTheServiceLoader() {
        try (MailCatcher ignored = MailCatcher.start()) {
            assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
            assertThat(StreamProvider.provider().getClass().getName()).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    @Test
    void receivesChineseUtf8MailOncePerMessage() throws Exception {
        try (MailCatcher mail = MailCatcher.start()) {
            Properties props = new Properties();
            props.put("mail.smtp.host", mail.host());
            props.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("checker@nianbao.test"));
            message.setRecipients(Message.RecipientType.TO, "office@gov.test, archive@gov.test");
            message.setSubject("年报检查：发现 3 个问题", "UTF-8");
            message.setText("北京市政府信息公开工作年度报告\n第二部分表格合计不一致。", "UTF-8");
            Transport.send(message);

            assertThat(mail.waitForMessages(1, Duration.ofSeconds(10))).singleElement().satisfies(received -> {
                assertThat(received.subject()).isEqualTo("年报检查：发现 3 个问题");
                assertThat(received.recipients()).containsExactly("office@gov.test", "archive@gov.test");
                assertThat(received.text()).isEqualTo("北京市政府信息公开工作年度报告\n第二部分表格合计不一致。");
            });
            mail.clear();
            assertThat(mail.receivedMessages()).isEmpty();
        }
    }
}
