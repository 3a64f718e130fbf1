package io.nianbao.notify;

import io.nianbao.events.NotificationSent;
import io.nianbao.events.ReportValidated;
import io.nianbao.service.NianbaoServices;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;

import java.util.function.Function;

/** report.validated → e-mail to the inspectors → notification.sent (one per recipient and report). */
@SpringBootApplication
@EnableConfigurationProperties(NotifyProperties.class)
public class NotifyServiceApplication {

    public static void main(String[] args) {
        NianbaoServices.run(NotifyServiceApplication.class, args);
    }

    @Bean
    MailNotifier mailNotifier(JavaMailSender mailSender, NotifyProperties properties) {
        return new MailNotifier(mailSender, properties);
    }

    @Bean
    Function<ReportValidated, NotificationSent> notifyInspectors(MailNotifier notifier) {
        return notifier::notify;
    }
}
