package io.nianbao.notify;

import org.eclipse.angus.mail.util.SocketFetcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class NoDelaySocketFactoryTest {

    private static final String MAIL_PROPERTIES = "spring.mail.properties.";

    /** The SMTP socket as Jakarta Mail opens it with notify-service's mail properties: Nagle off. */
    @Test
    void theServiceMailSettingsGiveSmtpSocketsWithoutNagle() throws Exception {
        Properties mail = new Properties();
        serviceSettings().forEach((key, value) -> {
            if (key.toString().startsWith(MAIL_PROPERTIES)) {
                mail.setProperty(key.toString().substring(MAIL_PROPERTIES.length()), value.toString());
            }
        });
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket smtp = SocketFetcher.getSocket("127.0.0.1", server.getLocalPort(), mail, "mail.smtp", false)) {
            assertThat(smtp.isConnected()).isTrue();
            assertThat(smtp.getTcpNoDelay()).as("TCP_NODELAY").isTrue();
        }
    }

    /** Without the factory the JDK's default leaves Nagle on, which is what the factory is for. */
    @Test
    void aPlainSocketHasNagleOn() throws Exception {
        try (Socket plain = new Socket()) {
            assertThat(plain.getTcpNoDelay()).isFalse();
        }
    }

    private static Properties serviceSettings() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        return yaml.getObject();
    }
}
