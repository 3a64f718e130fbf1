package io.nianbao.notify;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailChannelTest {

    /** Should Angus rename its provider, Jakarta Mail would silently fall back to the slow ServiceLoader lookup. */
    @Test
    void namesAStreamProviderThatJakartaMailThenUsesWithoutTheServiceLoader() throws Exception {
        assertThat(StreamProvider.class.isAssignableFrom(Class.forName(EmailChannel.MAIL_STREAM_PROVIDER))).isTrue();

        Class.forName(EmailChannel.class.getName());

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(EmailChannel.MAIL_STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(EmailChannel.MAIL_STREAM_PROVIDER);
    }
}
