package io.nianbao.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.nianbao.service.CrashGuard;
import io.nianbao.service.DeadLetters;
import io.nianbao.service.outbound.OutboundHttp;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import io.nianbao.service.NianbaoProperties;
import io.nianbao.service.NianbaoServices;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.Poll;
import io.nianbao.service.StreamTracing;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * report.validated → each finding to the inspectors whose subscriptions match (SYSTEM findings to
 * the operators), by e-mail or webhook, once → notification.sent; and the inspectors' inbox page.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(NotifyProperties.class)
public class NotifyServiceApplication {

    public static void main(String[] args) {
        NianbaoServices.run(NotifyServiceApplication.class, args);
    }

    /** The service's time; tests supply their own before the context starts. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Subscriptions subscriptions(JdbcClient jdbc, NotifyProperties properties, Clock clock) {
        return new Subscriptions(jdbc, properties, clock);
    }

    @Bean
    DeliveryLog deliveryLog(NamedParameterJdbcOperations jdbc) {
        return new DeliveryLog(jdbc);
    }

    @Bean
    SmtpConnections smtpConnections(JavaMailSenderImpl mailSender) {
        return new SmtpConnections(mailSender);
    }

    @Bean
    EmailChannel emailChannel(SmtpConnections smtp, NotifyProperties properties) {
        return new EmailChannel(smtp, properties);
    }

    @Bean
    WebhookChannel webhookChannel(JsonMapper json, NotifyProperties properties, Clock clock, NianbaoProperties nianbao,
                                  PipelineMetrics metrics, OutboundHttp outbound) {
        CloseableHttpClient http = outbound.client(properties.webhook().timeout(), properties.webhook().timeout());
        KafkaTemplate<String, byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, nianbao.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all")));
        return new WebhookChannel(http, json, deadLetters, properties, clock, metrics);
    }

    @Bean
    Notifier notifier(Subscriptions subscriptions, DeliveryLog deliveries, List<NotificationChannel> channels,
                      StreamBridge bridge, TransactionOperations transactions, NotifyProperties properties, Clock clock,
                      DeadLetters deadLetters, Tracer tracer, Propagator propagator, PipelineMetrics metrics,
                      MeterRegistry registry, CrashGuard crashGuard) {
        return new Notifier(new Router(properties.operators(), properties.minSeverity()), subscriptions, deliveries,
                channels, bridge, transactions, clock, deadLetters, new StreamTracing(tracer, propagator), metrics, registry,
                crashGuard);
    }

    @Bean
    DigestSender digestSender(DeliveryLog deliveries, Notifier notifier, NotifyProperties properties, Clock clock) {
        return new DigestSender(deliveries, notifier, properties, clock);
    }

    /** A poll at a time (application.yaml): one database transaction and one subscriptions read per poll. */
    @Bean
    Consumer<Message<?>> notifyInspectors(Notifier notifier) {
        return poll -> notifier.handle(Poll.recordsOf(poll));
    }
}
